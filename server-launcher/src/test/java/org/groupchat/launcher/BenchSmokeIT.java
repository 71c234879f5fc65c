package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.groupchat.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator in smoke sizes: every scenario runs and reports figures. Not a timing test: no targets are checked. */
class BenchSmokeIT {
    @TempDir
    Path work;

    @Test
    void everyScenarioRunsAndReportsItsFiguresNextToTheBaseline() throws Exception {
        Result bench = runBench("bench", "--smoke", "--json");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        JsonNode figures = Json.mapper().readTree(bench.out()).path("figures");
        for (String scenario : List.of("send", "deliver", "fetch", "registry", "idle", "startup", "curve")) {
            assertThat(figures).as(scenario).anyMatch(f -> f.path("scenario").asText().equals(scenario));
        }
        for (JsonNode figure : figures) {
            assertThat(figure.path("value").isNumber()).as(figure.toString()).isTrue();
        }
        assertThat(figures).as("figures with an echo baseline").filteredOn(f -> f.path("ratio").isNumber()).hasSizeGreaterThan(10);
    }

    @Test
    void anUnknownScenarioIsABadArgument() throws Exception {
        Result bench = runBench("bench", "--smoke", "sned");

        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("unknown scenario \"sned\"");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result runBench(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ServerProcess.javaCommand(work, new ArrayList<>(List.of(args))))
                .directory(work.toFile()).redirectError(work.resolve("stderr.txt").toFile()).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bench did not finish within 120 s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(work.resolve("stderr.txt")));
    }
}
