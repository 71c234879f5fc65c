package org.groupchat.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.ReqChannel;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * FETCH as a pyzmq client sees it: the same 600 messages fetched since a time from a GroupChat group (two FETCHes
 * of up to 500) and from the Python group server of bench/python_group_server.py (one getMessage), in turns; and a
 * FETCH of one message next to a PING of the same group.
 */
final class LibzmqFetchScenario {
    private static final int HISTORY = 600;
    private static final int PAGE = 500;
    private static final double TARGET_SPEEDUP = 5;
    private static final double TARGET_FETCH_OVER_PING = 1.5;
    private static final String PYTHON_OK = "{\"response\": \"SUCCESS\"";
    private static final String TEXT = "a chat line of about the length people write, sixty characters";

    private LibzmqFetchScenario() {}

    /** {@code pythonEndpoint}: a running Python group server to compare with, or null to start the bench's own. */
    static void run(BenchTarget target, BenchSettings settings, BenchReport report, String pythonEndpoint)
            throws InterruptedException {
        LibzmqClients libzmq = target.libzmq();
        String scenario = target.scenario("fetch");
        String group = target.group(target.groupName("bench-fetch-600"));
        User user = BenchUsers.join(target.clients(), group, 1, "fetcher").get(0);
        String pythonUser = UUID.randomUUID().toString();
        // The Python server takes whole seconds; every message below is stored at or after this moment.
        LocalDateTime since = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        long sinceMs = since.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        try (PythonProcess started = pythonEndpoint == null ? libzmq.startPythonGroupServer() : null) {
            String python = started == null ? pythonEndpoint : started.endpoint();
            fill(target, group, () -> BenchUsers.send(user, TEXT), HISTORY, BenchUsers.OK_PREFIX);
            fill(target, python, () -> pythonRequest(pythonUser, "joinGroup", Map.of()), 1, PYTHON_OK);
            fill(
                    target,
                    python,
                    () -> pythonRequest(pythonUser, "sendMessage", Map.of("message", TEXT)),
                    HISTORY,
                    PYTHON_OK);
            String getMessage = new String(
                    pythonRequest(
                            pythonUser,
                            "getMessage",
                            Map.of("timestamp", since.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")))),
                    StandardCharsets.UTF_8);
            List<String> twoPages = pagesSince(target, group, user, sinceMs);
            String pythonReply = call(target, python, getMessage);
            int pythonCount =
                    Json.mapper().readTree(pythonReply).get("messages").size();
            if (pythonCount != HISTORY) {
                throw new IllegalStateException(
                        "the Python server returned " + pythonCount + " messages, not " + HISTORY);
            }
            List<ClosedLoopClients.Outcome> outcomes = libzmq.inTurns(
                    List.of(
                            new LibzmqClients.Target(python, i -> List.of(List.of(getMessage)), PYTHON_OK),
                            new LibzmqClients.Target(group, i -> List.of(twoPages), BenchUsers.OK_PREFIX)),
                    1,
                    settings.warmupMs(),
                    settings.durationMs());
            ClosedLoopClients.Outcome pythonServer = checked(outcomes.get(0));
            ClosedLoopClients.Outcome ours = checked(outcomes.get(1));
            String name = HISTORY + " msgs since a time (2 FETCHes of " + PAGE + "; Python: 1 getMessage) ";
            report.add(new Figure(
                    scenario,
                    name + "mean",
                    "ms",
                    meanMs(ours),
                    meanMs(pythonServer),
                    "<= " + BenchReport.number(1 / TARGET_SPEEDUP) + "x baseline",
                    meanMs(ours) * TARGET_SPEEDUP <= meanMs(pythonServer)));
            report.add(Figure.info(
                    scenario,
                    name + "p50",
                    "ms",
                    ours.latency().millisAt(50),
                    pythonServer.latency().millisAt(50)));
            report.add(Figure.info(
                    scenario,
                    name + "p99",
                    "ms",
                    ours.latency().millisAt(99),
                    pythonServer.latency().millisAt(99)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String ping = new String(Json.write(new Request.Ping()), StandardCharsets.UTF_8);
        String fetchOne = new String(
                Json.write(Request.Fetch.after(User.ofId(user.id()), HISTORY / 2, 1, 0)), StandardCharsets.UTF_8);
        List<ClosedLoopClients.Outcome> outcomes = libzmq.inTurns(
                List.of(
                        new LibzmqClients.Target(group, i -> List.of(List.of(ping)), BenchUsers.OK_PREFIX),
                        new LibzmqClients.Target(group, i -> List.of(List.of(fetchOne)), BenchUsers.OK_PREFIX)),
                1,
                settings.warmupMs(),
                settings.durationMs());
        ClosedLoopClients.Outcome pings = checked(outcomes.get(0));
        ClosedLoopClients.Outcome fetches = checked(outcomes.get(1));
        report.add(new Figure(
                scenario,
                "FETCH limit 1 mean, baseline PING",
                "ms",
                meanMs(fetches),
                meanMs(pings),
                "<= " + TARGET_FETCH_OVER_PING + "x baseline",
                meanMs(fetches) <= TARGET_FETCH_OVER_PING * meanMs(pings)));
        report.add(Figure.info(
                scenario,
                "FETCH limit 1 p50, baseline PING",
                "ms",
                fetches.latency().millisAt(50),
                pings.latency().millisAt(50)));
        target.stopServers();
    }

    /** The two FETCHes that bring the 600 messages since that time, checked to do so. */
    private static List<String> pagesSince(BenchTarget target, String group, User user, long sinceMs)
            throws IOException {
        String first = new String(
                Json.write(Request.Fetch.since(User.ofId(user.id()), sinceMs, PAGE)), StandardCharsets.UTF_8);
        JsonNode page = Json.mapper().readTree(call(target, group, first));
        String second = new String(
                Json.write(Request.Fetch.after(User.ofId(user.id()), lastSeqOf(page.get("messages")), PAGE, 0)),
                StandardCharsets.UTF_8);
        int count = page.get("messages").size()
                + Json.mapper()
                        .readTree(call(target, group, second))
                        .get("messages")
                        .size();
        if (count != HISTORY) {
            throw new IllegalStateException(
                    "two FETCHes since the start brought " + count + " messages, not " + HISTORY);
        }
        return List.of(first, second);
    }

    private static long lastSeqOf(JsonNode messages) {
        return messages.get(messages.size() - 1).get("seq").asLong();
    }

    private static ClosedLoopClients.Outcome checked(ClosedLoopClients.Outcome outcome) {
        if (outcome.refused() > 0) {
            throw new IllegalStateException(outcome.refused() + " requests were refused");
        }
        return outcome;
    }

    private static double meanMs(ClosedLoopClients.Outcome outcome) {
        return 1_000 / outcome.perSecond();
    }

    private static byte[] pythonRequest(String user, String action, Map<String, String> more) {
        Map<String, String> request = new LinkedHashMap<>(Map.of("user_uuid", user, "action", action));
        request.putAll(more);
        return Json.write(request);
    }

    private static void fill(BenchTarget target, String endpoint, Supplier<byte[]> requests, int times, String accept) {
        try (ReqChannel channel = new ReqChannel(target.clients(), endpoint, ClientOptions.DEFAULT)) {
            for (int i = 0; i < times; i++) {
                String reply = new String(channel.call(requests.get(), Duration.ZERO), StandardCharsets.UTF_8);
                if (!reply.startsWith(accept)) {
                    throw new IllegalStateException(endpoint + " refused a request of the fill: " + reply);
                }
            }
        }
    }

    private static String call(BenchTarget target, String endpoint, String request) {
        try (ReqChannel channel = new ReqChannel(target.clients(), endpoint, ClientOptions.DEFAULT)) {
            return new String(
                    channel.call(request.getBytes(StandardCharsets.UTF_8), Duration.ZERO), StandardCharsets.UTF_8);
        }
    }
}
