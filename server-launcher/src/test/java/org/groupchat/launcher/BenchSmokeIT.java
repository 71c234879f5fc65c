package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.groupchat.protocol.Json;
import org.groupchat.testing.TestDatabase;
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
        JsonNode report = Json.mapper().readTree(bench.out());
        assertThat(report.path("smoke").asBoolean()).isTrue();
        assertThat(report.path("note").asText()).contains("SMOKE RUN").contains("targets do not apply");
        JsonNode figures = report.path("figures");
        assertThat(figures).as("no target is judged in a smoke run").noneMatch(f -> f.has("met"));
        assertThat(figures)
                .filteredOn(f -> f.path("unit").asText().equals("msg/s"))
                .isNotEmpty()
                .allMatch(f -> f.path("better").asText().equals("higher"));
        assertThat(figures)
                .filteredOn(f -> f.path("unit").asText().equals("ms"))
                .isNotEmpty()
                .allMatch(f -> f.path("better").asText().equals("lower"));
        for (String scenario :
                List.of("send", "deliver", "fetch", "registry", "idle", "startup", "curve", "retention")) {
            assertThat(figures)
                    .as(scenario)
                    .anyMatch(f -> f.path("scenario").asText().equals(scenario));
        }
        for (String figure : List.of("C=1 SEND p99 during the sweep", "C=1 SEND p99 after it, same group")) {
            assertThat(figures)
                    .as(figure)
                    .anyMatch(f -> f.path("scenario").asText().equals("retention")
                            && f.path("figure").asText().equals(figure)
                            && f.path("value").asDouble() > 0);
        }
        for (JsonNode figure : figures) {
            assertThat(figure.path("value").isNumber()).as(figure.toString()).isTrue();
        }
        assertThat(figures)
                .as("figures with an echo baseline")
                .filteredOn(f -> f.path("ratio").isNumber())
                .hasSizeGreaterThan(10);
    }

    @Test
    void withADatabaseSendFetchAndRetentionRunOnPostgresqlBesideSqliteAndItsGroupsAreDroppedAfter() throws Exception {
        TestDatabase.fresh();
        Files.writeString(work.resolve("db.password"), String.valueOf(TestDatabase.password()));
        Result bench = runBench(
                "bench",
                "--smoke",
                "--json",
                "send",
                "fetch",
                "retention",
                "--database",
                TestDatabase.url(),
                "--database-password-file",
                "db.password");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        JsonNode figures = Json.mapper().readTree(bench.out()).path("figures");
        for (String scenario : List.of(
                "send", "fetch", "send postgresql", "fetch postgresql", "startup postgresql", "retention postgresql")) {
            assertThat(figures)
                    .as(scenario)
                    .anyMatch(f -> f.path("scenario").asText().equals(scenario));
        }
        assertThat(figures)
                .anyMatch(f -> f.path("scenario").asText().equals("send postgresql")
                        && f.path("figure").asText().endsWith("throughput vs SQLite")
                        && f.path("ratio").isNumber());
        try (Connection db = DriverManager.getConnection(
                        TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                ResultSet rs = db.createStatement()
                        .executeQuery(
                                "SELECT (SELECT count(*) FROM groupchat.chat_group), (SELECT count(*) FROM groupchat.message)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("groups left in the database").isZero();
            assertThat(rs.getLong(2)).as("messages left in the database").isZero();
        }
    }

    @Test
    void libzmqClientsRunSendFetchAndLaunchWithTheirBaselines() throws Exception {
        Result bench = runBench("bench", "--smoke", "--json", "--client", "libzmq");

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        JsonNode figures = Json.mapper().readTree(bench.out()).path("figures");
        for (JsonNode figure : figures) {
            assertThat(figure.path("value").isNumber()).as(figure.toString()).isTrue();
        }
        assertThat(figures)
                .as("SEND next to the libzmq echo")
                .anyMatch(f -> f.path("scenario").asText().equals("send libzmq")
                        && f.path("figure").asText().equals("C=2 throughput")
                        && f.path("ratio").isNumber());
        assertThat(figures)
                .as("600 messages next to the Python server")
                .anyMatch(f -> f.path("scenario").asText().equals("fetch libzmq")
                        && f.path("figure").asText().startsWith("600 msgs since")
                        && f.path("ratio").isNumber());
        assertThat(figures)
                .as("FETCH limit 1 next to PING")
                .anyMatch(f -> f.path("scenario").asText().equals("fetch libzmq")
                        && f.path("figure").asText().startsWith("FETCH limit 1")
                        && f.path("ratio").isNumber());
        assertThat(figures)
                .as("rate after launch")
                .anyMatch(f -> f.path("scenario").asText().equals("launch libzmq")
                        && f.path("figure").asText().startsWith("SEND C=1"));
        assertThat(figures)
                .as("a launch with the installed launcher's JVM options, named")
                .anyMatch(f -> f.path("scenario").asText().equals("launch libzmq")
                        && f.path("figure")
                                .asText()
                                .equals("launch to 1st reply (JVM options: \"-XX:CompileThresholdScaling=0.2\")"));
    }

    @Test
    void anUnknownClientIsABadArgument() throws Exception {
        Result bench = runBench("bench", "--smoke", "--client", "czmq");

        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("--client is jeromq or libzmq");
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
                .directory(work.toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bench did not finish within 120 s");
        }
        return new Result(
                process.exitValue(),
                new String(out, StandardCharsets.UTF_8),
                Files.readString(work.resolve("stderr.txt")));
    }
}
