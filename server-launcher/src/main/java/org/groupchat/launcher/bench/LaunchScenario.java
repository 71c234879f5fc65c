package org.groupchat.launcher.bench;

import java.util.List;
import org.groupchat.launcher.ServersMain;
import org.groupchat.protocol.User;

/**
 * The first seconds of a launched group server: a fresh group started as a child JVM (as a user starts it, with
 * --send-rate 0) is sent SENDs by one pyzmq client from its first reply on, and its rate is printed per half second.
 */
final class LaunchScenario {
    private static final long STEP_MS = 500;
    private static final long RUN_MS = 8_000;
    private static final long SMOKE_RUN_MS = 1_000;
    private static final double STEADY_SHARE = 0.9;
    private static final double TARGET_STEADY_MS = 2_000;
    private static final String TEXT = "hello from the launch benchmark, about as long as a chat line";

    private LaunchScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report, boolean smoke) throws InterruptedException {
        String scenario = target.scenario("launch");
        String endpoint = IdleScenario.freeEndpoint();
        List<String> args = List.of("--registry-bind", "tcp://127.0.0.1:*", "--group", "bench-launch=" + endpoint,
                "--data-dir", target.dataDir().resolve("launch").toString(), "--send-rate", "0");
        try (ChildJvm child = ChildJvm.start(IdleScenario.MAX_HEAP, ServersMain.class.getName(), args)) {
            double firstReplyMs = FirstReply.millisSince(child.startedNanos(), target.clients(), endpoint);
            long firstReply = System.nanoTime();
            User user = BenchUsers.join(target.clients(), endpoint, 1, "launcher").get(0);
            String send = SendScenario.sendTemplate(user);
            long clientsStart = System.nanoTime();
            LibzmqClients.Run run = target.libzmq().run(List.of(new LibzmqClients.Target(endpoint, i -> List.of(List.of(send)),
                    BenchUsers.OK_PREFIX)), 1, 0, smoke ? SMOKE_RUN_MS : RUN_MS, STEP_MS);
            // The clients' clock starts when their processes are up: about 0.3 s after the call, see libzmq_bench.py.
            double offsetMs = (clientsStart - firstReply) / 1e6 + 300;
            List<Long> steps = run.timeline();
            report.add(Figure.info(scenario, "launch to 1st reply", "ms", firstReplyMs, Double.NaN));
            for (int i = 0; i < steps.size(); i++) {
                report.add(Figure.info(scenario, String.format("SEND C=1 %.1f-%.1f s after 1st reply", (offsetMs + i * STEP_MS) / 1e3,
                        (offsetMs + (i + 1) * STEP_MS) / 1e3), "msg/s", steps.get(i) * 1_000.0 / STEP_MS, Double.NaN));
            }
            report.add(Figure.atMost(scenario, "1st reply to steady SEND rate", "ms", offsetMs + steadyFromMs(steps), Double.NaN,
                    TARGET_STEADY_MS));
        }
    }

    /**
     * Where the rate reaches and stays at 90% of the steady rate (the mean of the last two full seconds but the final,
     * partial step), in ms from the clients' start.
     */
    static double steadyFromMs(List<Long> steps) {
        int full = steps.size() - 1;
        int tail = (int) Math.min(full, 2_000 / STEP_MS);
        if (tail < 1) {
            return Double.NaN;
        }
        double steady = steps.subList(full - tail, full).stream().mapToLong(Long::longValue).average().orElse(0);
        int from = full;
        while (from > 0 && steps.get(from - 1) >= STEADY_SHARE * steady) {
            from--;
        }
        return from * STEP_MS;
    }
}
