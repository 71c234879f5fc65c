package org.groupchat.launcher.servers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.MessageStore;
import org.groupchat.protocol.Endpoint;
import org.groupchat.security.ServerSecurity;
import org.groupchat.transport.SocketLimits;

/** How a launcher starts one group: its config from the plan, then a server on a SQLite file or turns in PostgreSQL. */
final class GroupStarts {
    private GroupStarts() {}

    static void printSecurity(PrintWriter out, ServerSecurity security) {
        out.printf(
                "          CURVE key %s  (fingerprint %s)%n",
                security.keys().publicKey(), security.keys().fingerprint());
        if (security.allowList() != null) {
            out.printf(
                    "          allow-list %s: %d key(s)%n",
                    security.allowList().file(), security.allowList().size());
        }
    }

    static GroupTurns takeTurns(
            ServerSet.Plan plan,
            GroupSpec spec,
            List<Endpoint> registries,
            String registryKey,
            PrintWriter out,
            Consumer<String> onFailure) {
        ServerSecurity security = plan.security().group(spec);
        GroupServerConfig config = configOf(plan, spec, registries, registryKey, security);
        String holder = "pid " + ProcessHandle.current().pid() + ", " + spec.bind();
        GroupTurns turns = new GroupTurns(
                spec.name(),
                plan.stores().database(),
                plan.groupLeaseMs(),
                holder,
                store -> new GroupServer(config.withEpoch(store.epoch()), store),
                describe(registries),
                out,
                onFailure);
        if (security != null) {
            printSecurity(out, security);
        }
        return turns;
    }

    private static GroupServerConfig configOf(
            ServerSet.Plan plan,
            GroupSpec spec,
            List<Endpoint> registries,
            String registryKey,
            ServerSecurity security) {
        GroupLimits limits =
                spec.retainDays() == null ? plan.limits() : plan.limits().withRetainMs(spec.retainDays() * 86_400_000L);
        return new GroupServerConfig(
                spec.name(),
                spec.bind(),
                plan.advertiseHost(),
                registries,
                plan.heartbeatMs(),
                limits,
                SocketLimits.DEFAULT,
                security,
                registryKey,
                null,
                plan.security().owners());
    }

    private static String describe(List<Endpoint> registries) {
        return registries.isEmpty()
                ? "none"
                : String.join(",", registries.stream().map(Endpoint::toString).toList());
    }

    static GroupServer startGroup(
            ServerSet.Plan plan, GroupSpec spec, List<Endpoint> registries, String registryKey, List<String> out) {
        ServerSecurity security = plan.security().group(spec);
        MessageStore store = plan.stores().open(spec.name());
        GroupServerConfig config = configOf(plan, spec, registries, registryKey, security);
        long stored = store.lastSeq();
        GroupServer server = new GroupServer(config, store);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        out.add(String.format(
                "group     %s  %s  (%d messages in %s; registry %s)",
                spec.name(),
                server.advertisedEndpoint(),
                stored,
                plan.stores().where(spec.name()),
                describe(registries)));
        if (security != null) {
            StringWriter lines = new StringWriter();
            printSecurity(new PrintWriter(lines), security);
            lines.toString().lines().forEach(out::add);
        }
        return server;
    }
}
