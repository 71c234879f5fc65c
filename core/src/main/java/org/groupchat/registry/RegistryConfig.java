package org.groupchat.registry;

import org.groupchat.protocol.Endpoint;
import org.groupchat.security.ServerSecurity;
import org.groupchat.transport.SocketLimits;

/**
 * How a registry runs: where it binds, how long a lease lasts, how many groups it holds, and its CURVE settings
 * ({@code security} null: none; its allow-list, if any, names the group servers that may register).
 */
public record RegistryConfig(
        Endpoint bind, long leaseMs, int maxGroups, SocketLimits socketLimits, ServerSecurity security) {
    public static final long DEFAULT_LEASE_MS = 6_000;
    public static final int DEFAULT_MAX_GROUPS = 10_000;

    public static RegistryConfig bindingTo(String endpoint) {
        return new RegistryConfig(
                Endpoint.parse(endpoint), DEFAULT_LEASE_MS, DEFAULT_MAX_GROUPS, SocketLimits.DEFAULT, null);
    }

    public RegistryConfig withLeaseMs(long newLeaseMs) {
        return new RegistryConfig(bind, newLeaseMs, maxGroups, socketLimits, security);
    }

    public RegistryConfig withMaxGroups(int newMaxGroups) {
        return new RegistryConfig(bind, leaseMs, newMaxGroups, socketLimits, security);
    }

    public RegistryConfig withSecurity(ServerSecurity newSecurity) {
        return new RegistryConfig(bind, leaseMs, maxGroups, socketLimits, newSecurity);
    }
}
