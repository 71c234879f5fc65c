package org.groupchat.launcher.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * SEARCH in a group whose history holds {@code --messages} chat lines (bulk-filled): kinds of queries a user types,
 * from a frequent word to a rare one and a prefix typed so far, one client, p50/p99/max next to the echo's.
 */
final class SearchScenario {
    static final String GROUP = "bench-search";
    static final String KEPT_GROUP = "bench-search-kept";
    private static final int LIMIT = 20;
    private static final double TARGET_P99_MS = 50;

    private SearchScenario() {}

    /** With {@code keptIn}, the filled group is kept there (and under a fixed name in a database) and reused. */
    static void run(BenchTarget target, BenchSettings settings, BenchReport report, Path keptIn)
            throws InterruptedException {
        String scenario = target.scenario("search");
        ChatText chat = new ChatText();
        SplittableRandom lines = new SplittableRandom(13);
        HistoryDatabase history = keptIn == null
                ? HistoryDatabase.fill(
                        target, target.groupName(GROUP), settings.historyMessages(), i -> chat.line(lines))
                : HistoryDatabase.kept(target, keptIn, KEPT_GROUP, settings.historyMessages(), i -> chat.line(lines));
        String size = BenchReport.number(history.messages()) + " msgs ";
        if (!Double.isNaN(history.fillSeconds())) {
            report.add(Figure.info(
                    scenario,
                    size + "bulk fill, index included",
                    "msg/s",
                    history.messages() / history.fillSeconds(),
                    Double.NaN));
            report.add(
                    Figure.info(scenario, size + "bulk fill, index included", "s", history.fillSeconds(), Double.NaN));
        }
        String group = target.startGroup(history.open(), history.groupName());
        User user = BenchUsers.join(target.clients(), group, 1, "searcher").get(0);
        try (EchoServer echo = EchoServer.start(0)) {
            // Ranks by frequency: the top words are in a large share of messages, those past 1,000 in a few hundred.
            measure("frequent word", size, echo, group, target, settings, report, user, r -> chat.word(r.nextInt(30)));
            measure(
                    "rare word",
                    size,
                    echo,
                    group,
                    target,
                    settings,
                    report,
                    user,
                    r -> chat.word(1_000 + r.nextInt(chat.vocabularySize() - 1_000)));
            measure(
                    "two words",
                    size,
                    echo,
                    group,
                    target,
                    settings,
                    report,
                    user,
                    r -> chat.word(r.nextInt(200)) + " " + chat.word(r.nextInt(2_000)));
            measure("prefix as typed", size, echo, group, target, settings, report, user, r -> {
                String word = chat.word(r.nextInt(5_000));
                return word.substring(0, Math.min(word.length(), 2 + r.nextInt(3)));
            });
            measure("no match", size, echo, group, target, settings, report, user, r -> "zzqx" + r.nextInt(1_000));
        }
        target.stopServers();
    }

    private static void measure(
            String kind,
            String size,
            EchoServer echo,
            String group,
            BenchTarget target,
            BenchSettings settings,
            BenchReport report,
            User user,
            Function<SplittableRandom, String> query)
            throws InterruptedException {
        Function<SplittableRandom, byte[]> request =
                random -> Json.write(new Request.Search(User.ofId(user.id()), query.apply(random), LIMIT, null));
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
            throw new IllegalStateException("the group refused " + server.refused() + " SEARCHes");
        }
        String scenario = target.scenario("search");
        String name = size + kind + " ";
        report.add(Figure.info(
                scenario,
                name + "p50",
                "ms",
                server.latency().millisAt(50),
                baseline.latency().millisAt(50)));
        report.add(Figure.atMost(
                scenario,
                name + "p99",
                "ms",
                server.latency().millisAt(99),
                baseline.latency().millisAt(99),
                TARGET_P99_MS));
        report.add(Figure.info(
                scenario,
                name + "max",
                "ms",
                server.latency().millisAt(100),
                baseline.latency().millisAt(100)));
    }

    private static Supplier<byte[]> requests(Function<SplittableRandom, byte[]> request) {
        SplittableRandom random = new SplittableRandom(42);
        return () -> request.apply(random);
    }
}
