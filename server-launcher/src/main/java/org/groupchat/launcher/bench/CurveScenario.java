package org.groupchat.launcher.bench;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;

/**
 * What security costs: the send scenario's C = 1 and C = 32 with CURVE on the group and on the echo, next to the
 * same group without CURVE measured in the same run.
 */
final class CurveScenario {
    private static final String TEXT = "hello from the curve benchmark, about as long as a chat line";

    private CurveScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) throws InterruptedException {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        String plainGroup = target.group("bench-curve-plain");
        String secureGroup = target.secureGroup("bench-curve", serverKeys);
        int most = settings.clientCounts().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(1);
        List<BenchUsers.Keyed> plainUsers = BenchUsers.joinWithoutKeys(target.clients(), plainGroup, most, "plain");
        List<BenchUsers.Keyed> secureUsers =
                BenchUsers.joinWithKeys(target.clients(), secureGroup, serverKeys.publicKey(), most, "curve");
        try (EchoServer echo = EchoServer.startSecure(serverKeys)) {
            for (int clients : settings.clientCounts()) {
                IntFunction<ClientKeys> secureKeys = i -> secureUsers.get(i).keys();
                IntFunction<Supplier<byte[]>> secureSends =
                        i -> () -> BenchUsers.send(secureUsers.get(i).user(), TEXT);
                IntFunction<Supplier<byte[]>> plainSends =
                        i -> () -> BenchUsers.send(plainUsers.get(i).user(), TEXT);
                List<ClosedLoopClients.Outcome> outcomes = ClosedLoopClients.inTurns(
                        target.clients(),
                        List.of(
                                new ClosedLoopClients.Target(echo.endpoint(), secureKeys, secureSends, r -> true),
                                new ClosedLoopClients.Target(secureGroup, secureKeys, secureSends, BenchUsers::isOk),
                                ClosedLoopClients.Target.plain(plainGroup, plainSends, BenchUsers::isOk)),
                        clients,
                        settings.warmupMs(),
                        settings.durationMs());
                ClosedLoopClients.Outcome baseline = outcomes.get(0);
                ClosedLoopClients.Outcome secure = outcomes.get(1);
                ClosedLoopClients.Outcome plain = outcomes.get(2);
                String c = "C=" + clients + " ";
                report.add(Figure.info(
                        "curve", c + "throughput with CURVE", "msg/s", secure.perSecond(), baseline.perSecond()));
                report.add(Figure.info(
                        "curve",
                        c + "p50 with CURVE",
                        "ms",
                        secure.latency().millisAt(50),
                        baseline.latency().millisAt(50)));
                report.add(Figure.info(
                        "curve",
                        c + "p99 with CURVE",
                        "ms",
                        secure.latency().millisAt(99),
                        baseline.latency().millisAt(99)));
                report.add(Figure.info(
                        "curve", c + "throughput without, same run", "msg/s", plain.perSecond(), Double.NaN));
                report.add(Figure.info(
                        "curve", c + "with / without CURVE", "x", secure.perSecond() / plain.perSecond(), Double.NaN));
            }
        }
        target.stopServers();
    }
}
