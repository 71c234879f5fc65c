package org.groupchat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;

/** Starts real servers on 127.0.0.1 with OS-picked ports and SQLite files in a test's temp folder. */
public final class TestGroups {
    public static final String ANY_PORT = "tcp://127.0.0.1:*";

    private TestGroups() {}

    public static RegistryServer registry(long leaseMs) {
        RegistryServer registry =
                new RegistryServer(RegistryConfig.bindingTo(ANY_PORT).withLeaseMs(leaseMs));
        registry.start();
        return registry;
    }

    public static GroupServer group(String name, Path dataDir, String registryEndpoint) {
        return group(GroupServerConfig.of(name, ANY_PORT, registryEndpoint), dataDir);
    }

    public static GroupServer group(GroupServerConfig config, Path dataDir) {
        return group(config, dataDir, TestStore.SQLITE);
    }

    /** A group on the given store; with PostgreSQL, {@code dataDir} is unused and the group's rows live in the test database. */
    public static GroupServer group(GroupServerConfig config, Path dataDir, TestStore store) {
        GroupServer server = new GroupServer(config, store.open(config.name(), dataDir));
        server.start();
        return server;
    }

    public static GroupServerConfig unlimited(GroupServerConfig config) {
        return config.withLimits(GroupLimits.UNLIMITED_SENDS);
    }

    /** A loopback endpoint nobody listens on right now, for a server that is not there or comes back at one address. */
    public static String endpointWhereNothingListens() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
