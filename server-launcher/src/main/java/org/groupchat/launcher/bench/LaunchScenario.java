package org.groupchat.launcher.bench;

import java.util.List;
import org.groupchat.launcher.ServersMain;
import org.groupchat.protocol.User;

/**
 * The first seconds of a launched group server: a fresh group started as a child JVM (as a user starts it, with
 * --send-rate 0) is sent SENDs by one pyzmq client from its first reply on; its rate per half second, and its rate
 * in the first two seconds and the two after them next to its steady rate (the last three seconds of nine).
 */
final class LaunchScenario {
    /** The JIT setting of jpackage/groupchat-servers.properties: C2 reached sooner (PERFORMANCE.md). */
    static final String INSTALLED_LAUNCHER_OPTIONS = "-XX:CompileThresholdScaling=0.2";

    private static final long STEP_MS = 500;
    private static final long RUN_MS = 9_000;
    private static final long STEADY_MS = 3_000;
    private static final long SMOKE_RUN_MS = 1_000;
    private static final double STEADY_SHARE = 0.9;
    private static final double TARGET_STEADY_MS = 2_000;
    private static final String TEXT = "hello from the launch benchmark, about as long as a chat line";

    private LaunchScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report, boolean smoke, String javaOptions)
            throws InterruptedException {
        String scenario = target.scenario("launch");
        String endpoint = IdleScenario.freeEndpoint();
        List<String> args = List.of(
                "--registry-bind",
                "tcp://127.0.0.1:*",
                "--group",
                "bench-launch=" + endpoint,
                "--data-dir",
                target.dataDir().resolve("launch").toString(),
                "--send-rate",
                "0");
        try (ChildJvm child =
                ChildJvm.start(IdleScenario.MAX_HEAP, jvmOptions(javaOptions), ServersMain.class.getName(), args)) {
            double firstReplyMs = FirstReply.millisSince(child.startedNanos(), target.clients(), endpoint);
            long firstReply = System.nanoTime();
            User user =
                    BenchUsers.join(target.clients(), endpoint, 1, "launcher").get(0);
            String send = SendScenario.sendTemplate(user);
            long clientsStart = System.nanoTime();
            LibzmqClients.Run run = target.libzmq()
                    .run(
                            List.of(new LibzmqClients.Target(
                                    endpoint, i -> List.of(List.of(send)), BenchUsers.OK_PREFIX)),
                            1,
                            0,
                            smoke ? SMOKE_RUN_MS : RUN_MS,
                            STEP_MS);
            // The clients' clock starts when their processes are up: about 0.3 s after the call, see libzmq_bench.py.
            double offsetMs = (clientsStart - firstReply) / 1e6 + 300;
            List<Long> steps = run.timeline();
            report.add(Figure.info(
                    scenario,
                    "launch to 1st reply (JVM options: \"" + javaOptions.trim() + "\")",
                    "ms",
                    firstReplyMs,
                    Double.NaN));
            // the last step is cut short by the end of the run: its count is not a rate
            for (int i = 0; i < steps.size() - 1; i++) {
                report.add(Figure.info(
                        scenario,
                        String.format(
                                "SEND C=1 %.1f-%.1f s after 1st reply",
                                (offsetMs + i * STEP_MS) / 1e3, (offsetMs + (i + 1) * STEP_MS) / 1e3),
                        "msg/s",
                        steps.get(i) * 1_000.0 / STEP_MS,
                        Double.NaN));
            }
            double steady = rate(steps, steps.size() - 1 - (int) (STEADY_MS / STEP_MS), steps.size() - 1);
            int two = step(TARGET_STEADY_MS, offsetMs);
            int four = step(2 * TARGET_STEADY_MS, offsetMs);
            double early = rate(steps, 0, two);
            double next = rate(steps, two, four);
            if (!Double.isNaN(early) && !Double.isNaN(next)) {
                report.add(Figure.info(
                        scenario, "SEND C=1 rate 0-2 s after 1st reply, baseline steady", "msg/s", early, steady));
                report.add(new Figure(
                        scenario,
                        "SEND C=1 rate 2-4 s after 1st reply, baseline steady",
                        "msg/s",
                        next,
                        steady,
                        ">= " + STEADY_SHARE + "x baseline",
                        next >= STEADY_SHARE * steady));
            }
        }
    }

    static List<String> jvmOptions(String javaOptions) {
        String trimmed = javaOptions.trim();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** The timeline step that begins nearest to {@code ms} after the first reply. */
    private static int step(double ms, double offsetMs) {
        return (int) Math.max(0, Math.round((ms - offsetMs) / STEP_MS));
    }

    /** The mean rate over steps [from, to) of the timeline (the last step is partial and never used), in msg/s. */
    static double rate(List<Long> steps, int from, int to) {
        int end = Math.min(to, steps.size() - 1);
        int begin = Math.max(0, Math.min(from, end - 1));
        return end <= begin
                ? Double.NaN
                : steps.subList(begin, end).stream().mapToLong(Long::longValue).sum()
                        * 1_000.0
                        / ((end - begin) * STEP_MS);
    }
}
