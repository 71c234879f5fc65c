package org.groupchat.launcher.servers;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupDatabase;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.Endpoint;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.server.SocketLimits;

/** The servers one launcher runs: an optional registry and any number of groups; closing stops them in order. */
final class ServerSet implements AutoCloseable {
    private RegistryServer registry;
    private final List<GroupServer> groups = new ArrayList<>();

    /** What to start; {@code registryBind} may be null, then groups register with {@code registryAddress}. */
    record Plan(RegistryConfig registryBind, Endpoint registryAddress, String advertiseHost, Path dataDir,
            Durability durability, GroupLimits limits, long heartbeatMs, List<GroupSpec> groups) {}

    static ServerSet start(Plan plan, PrintWriter out) {
        ServerSet set = new ServerSet();
        try {
            Endpoint registryAddress = plan.registryAddress();
            if (plan.registryBind() != null) {
                set.registry = new RegistryServer(plan.registryBind());
                Endpoint bound = set.registry.start();
                registryAddress = bound.isWildcard() ? bound.withHost("127.0.0.1") : bound;
                out.printf("registry  %s  (lease %d ms)%n", bound, plan.registryBind().leaseMs());
            }
            for (GroupSpec spec : plan.groups()) {
                set.groups.add(startGroup(plan, spec, registryAddress, out));
            }
            out.flush();
            return set;
        } catch (RuntimeException e) {
            set.close();
            throw e;
        }
    }

    private static GroupServer startGroup(Plan plan, GroupSpec spec, Endpoint registryAddress, PrintWriter out) {
        Path file = GroupDatabase.fileFor(plan.dataDir(), spec.name());
        SqliteMessageStore store = SqliteMessageStore.open(file, plan.durability());
        GroupServerConfig config = new GroupServerConfig(spec.name(), spec.bind(), plan.advertiseHost(), registryAddress,
                plan.heartbeatMs(), plan.limits(), SocketLimits.DEFAULT);
        long stored = store.lastSeq();
        GroupServer server = new GroupServer(config, store);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        out.printf("group     %s  %s  (%d messages in %s; registry %s)%n", spec.name(), server.advertisedEndpoint(),
                stored, file, registryAddress);
        return server;
    }

    @Override
    public void close() {
        groups.forEach(GroupServer::close);
        groups.clear();
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
