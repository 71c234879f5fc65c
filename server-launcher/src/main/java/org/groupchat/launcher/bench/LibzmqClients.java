package org.groupchat.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.groupchat.protocol.Json;

/**
 * The libzmq clients: {@code bench/libzmq_bench.py} run with pyzmq, one process and one synchronous REQ socket per
 * client, driving the targets in turns as {@link ClosedLoopClients} does with JeroMQ clients in this JVM.
 */
final class LibzmqClients {
    /** Replaced by a fresh UUID in every request sent, so every SEND has an id of its own. */
    static final String FRESH_UUID = "@UUID@";

    /** A server to load: client i's operations (each one or more requests timed together), the accepted reply prefix. */
    record Target(String endpoint, IntFunction<List<List<String>>> ops, String accept) {}

    /** The outcome of each target, and the round trips completed in each timeline step (all targets together). */
    record Run(List<ClosedLoopClients.Outcome> outcomes, List<Long> timeline) {}

    private final String python;
    private final Path folder;

    LibzmqClients(String python, Path folder) {
        this.python = python;
        this.folder = folder;
    }

    /** A bare libzmq ROUTER echo in a Python process of its own (zmq_proxy, no Python per message). */
    PythonProcess startEcho() {
        return PythonProcess.startServer(python, folder, PythonProcess.CLIENTS_SCRIPT, "echo");
    }

    PythonProcess startPythonGroupServer() {
        return PythonProcess.startServer(python, folder, PythonProcess.GROUP_SERVER_SCRIPT);
    }

    List<ClosedLoopClients.Outcome> inTurns(List<Target> targets, int clients, long warmupMs, long durationMs)
            throws InterruptedException {
        return run(targets, clients, warmupMs, durationMs, 0).outcomes();
    }

    Run run(List<Target> targets, int clients, long warmupMs, long durationMs, long timelineMs)
            throws InterruptedException {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("clients", clients);
        plan.put("warmupMs", warmupMs);
        plan.put("durationMs", durationMs);
        plan.put("timelineMs", timelineMs);
        List<Map<String, Object>> planned = new ArrayList<>();
        for (Target target : targets) {
            List<List<List<String>>> ops = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                ops.add(target.ops().apply(i));
            }
            planned.add(Map.of("endpoint", target.endpoint(), "accept", target.accept(), "ops", ops));
        }
        plan.put("targets", planned);
        try {
            Path file = Files.createTempFile(folder, "libzmq-plan-", ".json");
            Files.write(file, Json.write(plan));
            JsonNode result = Json.mapper()
                    .readTree(PythonProcess.run(
                            python, folder, PythonProcess.CLIENTS_SCRIPT, "clients", file.toString()));
            Files.delete(file);
            List<ClosedLoopClients.Outcome> outcomes = new ArrayList<>();
            for (JsonNode outcome : result.get("targets")) {
                outcomes.add(outcome(outcome));
            }
            List<Long> timeline = new ArrayList<>();
            result.get("timeline").forEach(n -> timeline.add(n.asLong()));
            return new Run(outcomes, timeline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClosedLoopClients.Outcome outcome(JsonNode outcome) {
        Histogram histogram = LatencyRecorder.newHistogram();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        outcome.get("latencyMicros").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            histogram.recordValueWithCount(
                    Long.parseLong(entry.getKey()), entry.getValue().asLong());
        }
        LatencyRecorder latency = new LatencyRecorder();
        latency.merge(histogram);
        return new ClosedLoopClients.Outcome(
                outcome.get("completed").asLong(),
                outcome.get("refused").asLong(),
                outcome.get("seconds").asDouble(),
                latency,
                outcome.get("roundTrips").asLong());
    }
}
