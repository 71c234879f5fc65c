package org.groupchat.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/** C clients, one outstanding durable SEND each: throughput and latency, next to the echo of the same bytes. */
final class SendScenario {
    private static final String TEXT = "hello from the send benchmark, about as long as a chat line";
    private static final double TARGET_RATIO = 0.8;
    private static final double LIBZMQ_TARGET_RATIO = 0.5;

    private SendScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) throws InterruptedException {
        String name = target.groupName("bench-send");
        String scenario = target.scenario("send");
        String group = target.group(name);
        int most = settings.clientCounts().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(1);
        List<User> users = BenchUsers.join(target.clients(), group, most, "sender");
        LibzmqClients libzmq = target.libzmq();
        try (AutoCloseable echo = libzmq != null ? libzmq.startEcho() : EchoServer.start(0)) {
            String echoEndpoint =
                    echo instanceof EchoServer jeromq ? jeromq.endpoint() : ((PythonProcess) echo).endpoint();
            for (int clients : settings.clientCounts()) {
                ThreadCpu echoCpu = ThreadCpu.of(EchoServer.THREAD_NAME);
                ThreadCpu groupCpu = ThreadCpu.of("group-" + name);
                List<ClosedLoopClients.Outcome> outcomes;
                if (libzmq != null) {
                    IntFunction<List<List<String>>> sends = i -> List.of(List.of(sendTemplate(users.get(i))));
                    outcomes = libzmq.inTurns(
                            List.of(
                                    new LibzmqClients.Target(echoEndpoint, sends, ""),
                                    new LibzmqClients.Target(group, sends, BenchUsers.OK_PREFIX)),
                            clients,
                            settings.warmupMs(),
                            settings.durationMs());
                } else {
                    IntFunction<Supplier<byte[]>> sends = i -> () -> BenchUsers.send(users.get(i), TEXT);
                    outcomes = ClosedLoopClients.inTurns(
                            target.clients(),
                            List.of(
                                    ClosedLoopClients.Target.plain(echoEndpoint, sends, r -> true),
                                    ClosedLoopClients.Target.plain(group, sends, BenchUsers::isOk)),
                            clients,
                            settings.warmupMs(),
                            settings.durationMs());
                }
                ClosedLoopClients.Outcome baseline = outcomes.get(0);
                ClosedLoopClients.Outcome server = outcomes.get(1);
                String c = "C=" + clients + " ";
                double ratio = server.perSecond() / baseline.perSecond();
                double targetRatio = libzmq != null ? LIBZMQ_TARGET_RATIO : TARGET_RATIO;
                boolean targeted = libzmq != null ? clients == 1 || clients == 8 : clients == 1 || clients == 32;
                report.add(new Figure(
                        scenario,
                        c + "throughput",
                        "msg/s",
                        server.perSecond(),
                        baseline.perSecond(),
                        targeted ? ">= " + targetRatio + "x baseline" : "",
                        targeted ? ratio >= targetRatio : null));
                report.add(Figure.info(
                        scenario,
                        c + "p50",
                        "ms",
                        server.latency().millisAt(50),
                        baseline.latency().millisAt(50)));
                report.add(Figure.info(
                        scenario,
                        c + "p99",
                        "ms",
                        server.latency().millisAt(99),
                        baseline.latency().millisAt(99)));
                report.add(Figure.info(
                        scenario,
                        c + "p99.9",
                        "ms",
                        server.latency().millisAt(99.9),
                        baseline.latency().millisAt(99.9)));
                if (libzmq != null && groupCpu != null) {
                    report.add(Figure.info(
                            scenario,
                            c + "server thread CPU per request",
                            "us",
                            groupCpu.microsPer(server.roundTrips()),
                            Double.NaN));
                } else if (echoCpu != null && groupCpu != null) {
                    report.add(Figure.info(
                            scenario,
                            c + "server thread CPU per request",
                            "us",
                            groupCpu.microsPer(server.roundTrips()),
                            echoCpu.microsPer(baseline.roundTrips())));
                }
                if (server.refused() > 0) {
                    throw new IllegalStateException(
                            "the group refused " + server.refused() + " SENDs; is its rate limit off (--send-rate 0)?");
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the echo: " + e.getMessage(), e);
        }
        target.stopServers();
    }

    /** A SEND as this user, its id left for the libzmq client to fill in with a fresh UUID per request. */
    static String sendTemplate(User user) {
        return new String(
                Json.write(new Request.Send(User.ofId(user.id()), LibzmqClients.FRESH_UUID, TEXT)),
                StandardCharsets.UTF_8);
    }
}
