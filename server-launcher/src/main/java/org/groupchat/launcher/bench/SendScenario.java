package org.groupchat.launcher.bench;

import java.util.List;
import org.groupchat.protocol.User;

/** C clients, one outstanding durable SEND each: throughput and latency, next to the echo of the same bytes. */
final class SendScenario {
    private static final String TEXT = "hello from the send benchmark, about as long as a chat line";
    private static final double TARGET_RATIO = 0.8;

    private SendScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) throws InterruptedException {
        String group = target.group("bench-send");
        int most = settings.clientCounts().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<User> users = BenchUsers.join(target.clients(), group, most, "sender");
        try (EchoServer echo = EchoServer.start(0)) {
            for (int clients : settings.clientCounts()) {
                ClosedLoopClients.Outcome baseline = load(target, echo.endpoint(), users, clients, settings, r -> true);
                ClosedLoopClients.Outcome server = load(target, group, users, clients, settings, BenchUsers::isOk);
                String c = "C=" + clients + " ";
                double ratio = server.perSecond() / baseline.perSecond();
                boolean targeted = clients == 1 || clients == 32;
                report.add(new Figure("send", c + "throughput", "msg/s", server.perSecond(), baseline.perSecond(),
                        targeted ? ">= " + TARGET_RATIO + "x baseline" : "", targeted ? ratio >= TARGET_RATIO : null));
                report.add(Figure.info("send", c + "p50", "ms", server.latency().millisAt(50), baseline.latency().millisAt(50)));
                report.add(Figure.info("send", c + "p99", "ms", server.latency().millisAt(99), baseline.latency().millisAt(99)));
                report.add(Figure.info("send", c + "p99.9", "ms", server.latency().millisAt(99.9), baseline.latency().millisAt(99.9)));
                if (server.refused() > 0) {
                    throw new IllegalStateException("the group refused " + server.refused() + " SENDs; is its rate limit off (--send-rate 0)?");
                }
            }
        }
        target.stopServers();
    }

    private static ClosedLoopClients.Outcome load(BenchTarget target, String endpoint, List<User> users, int clients,
            BenchSettings settings, java.util.function.Predicate<byte[]> accepted) throws InterruptedException {
        return ClosedLoopClients.run(target.clients(), endpoint, clients, i -> () -> BenchUsers.send(users.get(i), TEXT),
                accepted, settings.warmupMs(), settings.durationMs());
    }
}
