package org.groupchat.group;

import org.groupchat.protocol.Endpoint;
import org.groupchat.server.SocketLimits;

/**
 * How a group server runs. {@code registry} may be null (no registration); {@code advertiseHost} replaces
 * a wildcard bind host in the endpoint given to the registry.
 */
public record GroupServerConfig(
        String name,
        Endpoint bind,
        String advertiseHost,
        Endpoint registry,
        long heartbeatMs,
        GroupLimits limits,
        SocketLimits socketLimits) {

    public static final long DEFAULT_HEARTBEAT_MS = 2_000;

    public static GroupServerConfig of(String name, String bind, String registry) {
        return new GroupServerConfig(name, Endpoint.parse(bind), null,
                registry == null ? null : Endpoint.parse(registry),
                DEFAULT_HEARTBEAT_MS, GroupLimits.DEFAULT, SocketLimits.DEFAULT);
    }

    public GroupServerConfig withAdvertiseHost(String host) {
        return new GroupServerConfig(name, bind, host, registry, heartbeatMs, limits, socketLimits);
    }

    public GroupServerConfig withHeartbeatMs(long ms) {
        return new GroupServerConfig(name, bind, advertiseHost, registry, ms, limits, socketLimits);
    }

    public GroupServerConfig withLimits(GroupLimits newLimits) {
        return new GroupServerConfig(name, bind, advertiseHost, registry, heartbeatMs, newLimits, socketLimits);
    }
}
