package org.groupchat.group;

import java.util.List;
import org.groupchat.protocol.Endpoint;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.ServerSecurity;
import org.groupchat.transport.SocketLimits;

/**
 * How a group server runs. {@code registries}: every registry it heartbeats to, may be empty; {@code advertiseHost} replaces
 * a wildcard bind host in the endpoint given to the registry. {@code security} null: no CURVE on the group's
 * socket; its allow-list, if any, makes the group private to the listed user keys. {@code registryKey}: the
 * registry's public key when the registry speaks CURVE, else null. {@code epoch}: the server's turn from the group's
 * database, sent with each REGISTER, or null for a store without turns. {@code owners} (1.4, "moderation"): user ids
 * that own the group besides the key hosting it; they mean something only with security on.
 */
public record GroupServerConfig(
        String name,
        Endpoint bind,
        String advertiseHost,
        List<Endpoint> registries,
        long heartbeatMs,
        GroupLimits limits,
        SocketLimits socketLimits,
        ServerSecurity security,
        String registryKey,
        Long epoch,
        List<String> owners) {

    public static final long DEFAULT_HEARTBEAT_MS = 2_000;

    public GroupServerConfig {
        registries = List.copyOf(registries);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    public GroupServerConfig(
            String name,
            Endpoint bind,
            String advertiseHost,
            List<Endpoint> registries,
            long heartbeatMs,
            GroupLimits limits,
            SocketLimits socketLimits,
            ServerSecurity security,
            String registryKey,
            Long epoch) {
        this(
                name,
                bind,
                advertiseHost,
                registries,
                heartbeatMs,
                limits,
                socketLimits,
                security,
                registryKey,
                epoch,
                List.of());
    }

    /** {@code registries}: null, or one or more registry endpoints separated by commas. */
    public static GroupServerConfig of(String name, String bind, String registries) {
        return new GroupServerConfig(
                name,
                Endpoint.parse(bind),
                null,
                Endpoint.parseList(registries),
                DEFAULT_HEARTBEAT_MS,
                GroupLimits.DEFAULT,
                SocketLimits.DEFAULT,
                null,
                null,
                null);
    }

    public GroupServerConfig withEpoch(Long newEpoch) {
        return new GroupServerConfig(
                name,
                bind,
                advertiseHost,
                registries,
                heartbeatMs,
                limits,
                socketLimits,
                security,
                registryKey,
                newEpoch,
                owners);
    }

    public GroupServerConfig withAdvertiseHost(String host) {
        return new GroupServerConfig(
                name, bind, host, registries, heartbeatMs, limits, socketLimits, security, registryKey, epoch, owners);
    }

    public GroupServerConfig withHeartbeatMs(long ms) {
        return new GroupServerConfig(
                name, bind, advertiseHost, registries, ms, limits, socketLimits, security, registryKey, epoch, owners);
    }

    public GroupServerConfig withLimits(GroupLimits newLimits) {
        return new GroupServerConfig(
                name,
                bind,
                advertiseHost,
                registries,
                heartbeatMs,
                newLimits,
                socketLimits,
                security,
                registryKey,
                epoch,
                owners);
    }

    public GroupServerConfig withSecurity(ServerSecurity newSecurity) {
        return new GroupServerConfig(
                name,
                bind,
                advertiseHost,
                registries,
                heartbeatMs,
                limits,
                socketLimits,
                newSecurity,
                registryKey,
                epoch,
                owners);
    }

    /** The user ids that own the group (with security on), besides the key that hosts it. */
    public GroupServerConfig withOwners(List<String> userIds) {
        return new GroupServerConfig(
                name,
                bind,
                advertiseHost,
                registries,
                heartbeatMs,
                limits,
                socketLimits,
                security,
                registryKey,
                epoch,
                userIds);
    }

    public GroupServerConfig withRegistryKey(String key) {
        return new GroupServerConfig(
                name, bind, advertiseHost, registries, heartbeatMs, limits, socketLimits, security, key, epoch, owners);
    }

    /** The group's CURVE public key, or null when it runs without security. */
    public String publicKey() {
        return security == null ? null : security.keys().publicKey();
    }

    /** The keys the group authenticates with to a secure registry: its own, or one-off keys when it has none. */
    CurveKeyPair linkKeys() {
        return security != null ? security.keys() : CurveKeyPair.generate();
    }
}
