package org.groupchat.desktop.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.ServerSecurity;

/** Real servers on 127.0.0.1 with OS-picked ports and SQLite files in a test's temp folder; closes them all. */
public final class TestServers implements AutoCloseable {
    public static final String ANY_PORT = "tcp://127.0.0.1:*";
    private final List<AutoCloseable> started = new ArrayList<>();

    public String registry() {
        return start(RegistryConfig.bindingTo(ANY_PORT).withLeaseMs(3_000));
    }

    /** A registry with CURVE on, holding {@code keys}. */
    public String secureRegistry(CurveKeyPair keys) {
        return secureRegistry(ANY_PORT, keys);
    }

    /** A registry with CURVE on, holding {@code keys}, bound to {@code bind} (e.g. a port picked earlier). */
    public String secureRegistry(String bind, CurveKeyPair keys) {
        return start(RegistryConfig.bindingTo(bind).withLeaseMs(3_000).withSecurity(ServerSecurity.withKeys(keys)));
    }

    private String start(RegistryConfig config) {
        RegistryServer registry = new RegistryServer(config);
        String endpoint = registry.start().toString();
        started.add(registry);
        return endpoint;
    }

    /** A group with CURVE on, registered with a secure {@code registry} (may be null) whose key is {@code registryKey}. */
    public GroupServer secureGroup(
            String name, Path dir, ServerSecurity security, String registry, String registryKey) {
        GroupServer server = new GroupServer(
                GroupServerConfig.of(name, ANY_PORT, registry)
                        .withHeartbeatMs(500)
                        .withLimits(GroupLimits.UNLIMITED_SENDS)
                        .withSecurity(security)
                        .withRegistryKey(registryKey),
                SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH));
        server.start();
        started.add(server);
        return server;
    }

    /** A secure group, listed nowhere, whose owners are the users {@code ownerIds} (protocol 1.4 moderation). */
    public GroupServer ownedGroup(String name, Path dir, ServerSecurity security, Set<String> ownerIds) {
        GroupServer server = new GroupServer(
                GroupServerConfig.of(name, ANY_PORT, null)
                        .withHeartbeatMs(500)
                        .withLimits(GroupLimits.UNLIMITED_SENDS)
                        .withSecurity(security)
                        .withOwners(List.copyOf(ownerIds)),
                SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH));
        server.start();
        started.add(server);
        return server;
    }

    /** A group registered with {@code registry} (may be null), storing in {@code dir}/group.db. */
    public GroupServer group(String name, Path dir, String bind, String registry) {
        return group(name, dir, bind, registry, null);
    }

    /** A group without security registered with a secure registry whose key is {@code registryKey}. */
    public GroupServer group(String name, Path dir, String bind, String registry, String registryKey) {
        return group(
                name,
                SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH),
                bind,
                registry,
                registryKey);
    }

    public GroupServer group(String name, SqliteMessageStore store, String bind, String registry) {
        return group(name, store, bind, registry, null);
    }

    /** A group with these limits (e.g. a send rate that answers RATE_LIMITED). */
    public GroupServer group(
            String name, Path dir, String bind, String registry, String registryKey, GroupLimits limits) {
        return group(
                name,
                SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH),
                bind,
                registry,
                registryKey,
                limits);
    }

    private GroupServer group(String name, SqliteMessageStore store, String bind, String registry, String registryKey) {
        return group(name, store, bind, registry, registryKey, GroupLimits.UNLIMITED_SENDS);
    }

    private GroupServer group(
            String name,
            SqliteMessageStore store,
            String bind,
            String registry,
            String registryKey,
            GroupLimits limits) {
        GroupServer server = new GroupServer(
                GroupServerConfig.of(name, bind, registry)
                        .withRegistryKey(registryKey)
                        .withHeartbeatMs(500)
                        .withLimits(limits),
                store);
        server.start();
        started.add(server);
        return server;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("a test server did not stop cleanly", e);
            }
        }
        started.clear();
    }
}
