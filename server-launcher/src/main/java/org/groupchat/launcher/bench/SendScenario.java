package org.groupchat.launcher.bench;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.groupchat.protocol.User;

/** C clients, one outstanding durable SEND each: throughput and latency, next to the echo of the same bytes. */
final class SendScenario {
    private static final String TEXT = "hello from the send benchmark, about as long as a chat line";
    private static final double TARGET_RATIO = 0.8;

    private SendScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) throws InterruptedException {
        String name = target.groupName("bench-send");
        String scenario = target.scenario("send");
        String group = target.group(name);
        int most = settings.clientCounts().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<User> users = BenchUsers.join(target.clients(), group, most, "sender");
        try (EchoServer echo = EchoServer.start(0)) {
            for (int clients : settings.clientCounts()) {
                ThreadCpu echoCpu = ThreadCpu.of(EchoServer.THREAD_NAME);
                ThreadCpu groupCpu = ThreadCpu.of("group-" + name);
                IntFunction<Supplier<byte[]>> sends = i -> () -> BenchUsers.send(users.get(i), TEXT);
                List<ClosedLoopClients.Outcome> outcomes = ClosedLoopClients.inTurns(target.clients(), List.of(
                        ClosedLoopClients.Target.plain(echo.endpoint(), sends, r -> true),
                        ClosedLoopClients.Target.plain(group, sends, BenchUsers::isOk)),
                        clients, settings.warmupMs(), settings.durationMs());
                ClosedLoopClients.Outcome baseline = outcomes.get(0);
                ClosedLoopClients.Outcome server = outcomes.get(1);
                String c = "C=" + clients + " ";
                double ratio = server.perSecond() / baseline.perSecond();
                boolean targeted = clients == 1 || clients == 32;
                report.add(new Figure(scenario, c + "throughput", "msg/s", server.perSecond(), baseline.perSecond(),
                        targeted ? ">= " + TARGET_RATIO + "x baseline" : "", targeted ? ratio >= TARGET_RATIO : null));
                report.add(Figure.info(scenario, c + "p50", "ms", server.latency().millisAt(50), baseline.latency().millisAt(50)));
                report.add(Figure.info(scenario, c + "p99", "ms", server.latency().millisAt(99), baseline.latency().millisAt(99)));
                report.add(Figure.info(scenario, c + "p99.9", "ms", server.latency().millisAt(99.9), baseline.latency().millisAt(99.9)));
                if (echoCpu != null && groupCpu != null) {
                    report.add(Figure.info(scenario, c + "server thread CPU per request", "us",
                            groupCpu.microsPer(server.roundTrips()), echoCpu.microsPer(baseline.roundTrips())));
                }
                if (server.refused() > 0) {
                    throw new IllegalStateException("the group refused " + server.refused() + " SENDs; is its rate limit off (--send-rate 0)?");
                }
            }
        }
        target.stopServers();
    }
}
