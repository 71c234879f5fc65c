package org.groupchat.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;

/** LIST latency from a registry that holds many heartbeating groups, next to an echo that gets the same traffic. */
final class RegistryScenario {
    private static final double TARGET_P99_MS = 5;

    private RegistryScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) throws InterruptedException {
        byte[] list = Json.write(new Request.ListGroups());
        String registry = target.registry();
        List<ClosedLoopClients.Outcome> outcomes;
        // Both get their 1,000 heartbeating groups all through, so the turns compare the same traffic.
        try (EchoServer echo = EchoServer.start(0);
                HeartbeatingGroups echoGroups =
                        HeartbeatingGroups.start(target.clients(), echo.endpoint(), settings.groups());
                HeartbeatingGroups groups = HeartbeatingGroups.start(target.clients(), registry, settings.groups())) {
            outcomes = ClosedLoopClients.inTurns(
                    target.clients(),
                    List.of(
                            ClosedLoopClients.Target.plain(echo.endpoint(), i -> () -> list, r -> true),
                            ClosedLoopClients.Target.plain(
                                    registry,
                                    i -> () -> list,
                                    reply -> BenchUsers.isOk(reply) && listsAtLeast(reply, settings.groups()))),
                    1,
                    settings.warmupMs(),
                    settings.durationMs());
        }
        ClosedLoopClients.Outcome baseline = outcomes.get(0);
        ClosedLoopClients.Outcome server = outcomes.get(1);
        if (server.refused() > 0) {
            throw new IllegalStateException(
                    server.refused() + " LIST replies were refusals or lacked the benchmark's groups");
        }
        String g = settings.groups() + " groups ";
        report.add(Figure.info(
                "registry",
                g + "LIST p50",
                "ms",
                server.latency().millisAt(50),
                baseline.latency().millisAt(50)));
        report.add(Figure.atMost(
                "registry",
                g + "LIST p99",
                "ms",
                server.latency().millisAt(99),
                baseline.latency().millisAt(99),
                TARGET_P99_MS));
        target.stopServers();
    }

    private static boolean listsAtLeast(byte[] reply, int groups) {
        String text = new String(reply, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = text.indexOf("\"bench-group-"); at >= 0; at = text.indexOf("\"bench-group-", at + 1)) {
            count++;
        }
        return count >= groups;
    }
}
