package org.groupchat.group;

import org.groupchat.protocol.Endpoint;
import org.groupchat.security.ServerSecurity;
import org.groupchat.server.SocketLimits;

/**
 * How a group server runs. {@code registry} may be null (no registration); {@code advertiseHost} replaces
 * a wildcard bind host in the endpoint given to the registry. {@code security} null: no CURVE on the group's
 * socket; its allow-list, if any, makes the group private to the listed user keys. {@code registryKey}: the
 * registry's public key when the registry speaks CURVE, else null.
 */
public record GroupServerConfig(
        String name,
        Endpoint bind,
        String advertiseHost,
        Endpoint registry,
        long heartbeatMs,
        GroupLimits limits,
        SocketLimits socketLimits,
        ServerSecurity security,
        String registryKey) {

    public static final long DEFAULT_HEARTBEAT_MS = 2_000;

    public static GroupServerConfig of(String name, String bind, String registry) {
        return new GroupServerConfig(name, Endpoint.parse(bind), null,
                registry == null ? null : Endpoint.parse(registry),
                DEFAULT_HEARTBEAT_MS, GroupLimits.DEFAULT, SocketLimits.DEFAULT, null, null);
    }

    public GroupServerConfig withAdvertiseHost(String host) {
        return new GroupServerConfig(name, bind, host, registry, heartbeatMs, limits, socketLimits, security, registryKey);
    }

    public GroupServerConfig withHeartbeatMs(long ms) {
        return new GroupServerConfig(name, bind, advertiseHost, registry, ms, limits, socketLimits, security, registryKey);
    }

    public GroupServerConfig withLimits(GroupLimits newLimits) {
        return new GroupServerConfig(name, bind, advertiseHost, registry, heartbeatMs, newLimits, socketLimits, security,
                registryKey);
    }

    public GroupServerConfig withSecurity(ServerSecurity newSecurity) {
        return new GroupServerConfig(name, bind, advertiseHost, registry, heartbeatMs, limits, socketLimits, newSecurity,
                registryKey);
    }

    public GroupServerConfig withRegistryKey(String key) {
        return new GroupServerConfig(name, bind, advertiseHost, registry, heartbeatMs, limits, socketLimits, security, key);
    }
}
