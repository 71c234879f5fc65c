package org.groupchat.desktop.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;

/** Real servers on 127.0.0.1 with OS-picked ports and SQLite files in a test's temp folder; closes them all. */
public final class TestServers implements AutoCloseable {
    public static final String ANY_PORT = "tcp://127.0.0.1:*";
    private final List<AutoCloseable> started = new ArrayList<>();

    public String registry() {
        RegistryServer registry = new RegistryServer(RegistryConfig.bindingTo(ANY_PORT).withLeaseMs(3_000));
        String endpoint = registry.start().toString();
        started.add(registry);
        return endpoint;
    }

    /** A group registered with {@code registry} (may be null), storing in {@code dir}/group.db. */
    public GroupServer group(String name, Path dir, String bind, String registry) {
        return group(name, SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH), bind, registry);
    }

    public GroupServer group(String name, SqliteMessageStore store, String bind, String registry) {
        GroupServer server = new GroupServer(GroupServerConfig.of(name, bind, registry)
                .withHeartbeatMs(500).withLimits(GroupLimits.UNLIMITED_SENDS), store);
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
