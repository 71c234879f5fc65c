package org.groupchat.launcher.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/** FETCH pages of 100 from random points of a long history, by afterSeq and by since, next to their echo. */
final class FetchScenario {
    private static final int LIMIT = 100;
    private static final double TARGET_P99_MS = 2;
    private static final double TARGET_STARTUP_MS = 1_000;

    private FetchScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report, HistoryDatabase history)
            throws InterruptedException {
        String group;
        long lastSeq;
        long firstTs;
        long lastTs;
        if (target.runsOwnGroup()) {
            long opening = System.nanoTime();
            group = target.startGroup(history.open(), history.groupName());
            double startupMs = FirstReply.millisSince(opening, target.clients(), group);
            long echoStarting = System.nanoTime();
            try (EchoServer echo = EchoServer.start(0)) {
                report.add(Figure.atMost(
                        target.scenario("startup"),
                        BenchReport.number(history.messages()) + " msgs open to 1st reply, in-process",
                        "ms",
                        startupMs,
                        FirstReply.millisSince(echoStarting, target.clients(), echo.endpoint()),
                        TARGET_STARTUP_MS));
            }
            lastSeq = history.messages();
            firstTs = history.firstTs();
            lastTs = history.lastTs();
        } else {
            group = target.group(null);
            lastSeq = Long.MAX_VALUE;
            firstTs = 0;
            lastTs = System.currentTimeMillis();
        }
        User user = BenchUsers.join(target.clients(), group, 1, "fetcher").get(0);
        long maxSeq = lastSeq == Long.MAX_VALUE ? joinedLastSeq(target, group, user) : lastSeq;
        String size = BenchReport.number(maxSeq) + " msgs ";
        try (EchoServer echo = EchoServer.start(0)) {
            measure(
                    "afterSeq",
                    size,
                    echo,
                    group,
                    target,
                    settings,
                    report,
                    random -> Json.write(Request.Fetch.after(
                            User.ofId(user.id()), random.nextLong(Math.max(1, maxSeq - LIMIT)), LIMIT, 0)));
            measure(
                    "since",
                    size,
                    echo,
                    group,
                    target,
                    settings,
                    report,
                    random -> Json.write(Request.Fetch.since(
                            User.ofId(user.id()), firstTs + random.nextLong(Math.max(1, lastTs - firstTs)), LIMIT)));
        }
        target.stopServers();
    }

    private static long joinedLastSeq(BenchTarget target, String group, User user) {
        try (GroupClient client = new GroupClient(target.clients(), group, user, ClientOptions.DEFAULT)) {
            return client.fetchNewest(1).lastSeq();
        }
    }

    private static void measure(
            String mode,
            String size,
            EchoServer echo,
            String group,
            BenchTarget target,
            BenchSettings settings,
            BenchReport report,
            Function<SplittableRandom, byte[]> request)
            throws InterruptedException {
        List<ClosedLoopClients.Outcome> outcomes = ClosedLoopClients.inTurns(
                target.clients(),
                List.of(
                        ClosedLoopClients.Target.plain(echo.endpoint(), i -> requests(request), r -> true),
                        ClosedLoopClients.Target.plain(group, i -> requests(request), BenchUsers::isOk)),
                1,
                settings.warmupMs(),
                settings.durationMs());
        ClosedLoopClients.Outcome baseline = outcomes.get(0);
        ClosedLoopClients.Outcome server = outcomes.get(1);
        if (server.refused() > 0) {
            throw new IllegalStateException("the group refused " + server.refused() + " FETCHes");
        }
        String name = size + mode + " ";
        report.add(Figure.info(
                target.scenario("fetch"),
                name + "p50",
                "ms",
                server.latency().millisAt(50),
                baseline.latency().millisAt(50)));
        report.add(Figure.atMost(
                target.scenario("fetch"),
                name + "p99",
                "ms",
                server.latency().millisAt(99),
                baseline.latency().millisAt(99),
                TARGET_P99_MS));
    }

    private static Supplier<byte[]> requests(Function<SplittableRandom, byte[]> request) {
        SplittableRandom random = new SplittableRandom(42);
        return () -> request.apply(random);
    }
}
