package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.groupchat.client.GroupClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus endpoint of a real launcher, scraped over HTTP after real traffic, read as an operator reads it. */
class MetricsIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void aScrapeAfterRealTrafficShowsTheCountsAnOperatorChecks() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String registry = FreePorts.endpoint();
        String group = FreePorts.endpoint();
        String base = "http://127.0.0.1:" + port;
        try (ServerProcess servers = ServerProcess.startReady(
                        work,
                        "--registry-bind",
                        registry,
                        "--group",
                        "Metered=" + group,
                        "--data-dir",
                        "data",
                        "--metrics-bind",
                        "127.0.0.1:" + port,
                        "--send-burst",
                        "5",
                        "--send-rate",
                        "0.01");
                GroupClient alice =
                        new GroupClient(group, new User(UUID.randomUUID().toString(), "Alice"));
                GroupClient stranger =
                        new GroupClient(group, new User(UUID.randomUUID().toString(), "Stranger"))) {
            assertThat(servers.out()).contains("metrics   " + base + "/metrics  (health check: " + base + "/health)");
            alice.join();
            for (int i = 0; i < 5; i++) {
                alice.send("message " + i);
            }
            assertThatThrownBy(() -> alice.send("one too many"))
                    .isInstanceOf(ServerErrorException.class)
                    .hasMessageContaining("too many");
            assertThatThrownBy(() -> stranger.send("let me in")).isInstanceOf(ServerErrorException.class);
            assertThat(alice.fetchNewest(10).messages()).hasSize(5);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> value(get(base + "/metrics"), "groupchat_registry_leases", Map.of()) == 1
                            && value(get(base + "/metrics"), "groupchat_group_members", Map.of("group", "Metered"))
                                    == 1);
            String scrape = get(base + "/metrics").body();
            Map<String, String> sends = Map.of("role", "group", "group", "Metered", "op", "SEND");
            assertThat(value(scrape, "groupchat_requests_total", with(sends, "code", "OK")))
                    .isEqualTo(5);
            assertThat(value(scrape, "groupchat_requests_total", with(sends, "code", "RATE_LIMITED")))
                    .isEqualTo(1);
            assertThat(value(scrape, "groupchat_requests_total", with(sends, "code", "NOT_MEMBER")))
                    .isEqualTo(1);
            assertThat(value(
                            scrape, "groupchat_requests_total", Map.of("group", "Metered", "op", "JOIN", "code", "OK")))
                    .isEqualTo(1);
            assertThat(value(
                            scrape,
                            "groupchat_requests_total",
                            Map.of("group", "Metered", "op", "FETCH", "code", "OK")))
                    .isEqualTo(1);
            assertThat(value(scrape, "groupchat_send_latency_seconds_count", Map.of("group", "Metered")))
                    .isEqualTo(5);
            assertThat(value(scrape, "groupchat_send_latency_seconds_sum", Map.of("group", "Metered")))
                    .isGreaterThan(0);
            assertThat(value(scrape, "groupchat_commit_batch_messages_sum", Map.of("group", "Metered")))
                    .isEqualTo(5);
            assertThat(value(scrape, "groupchat_group_online", Map.of("group", "Metered")))
                    .isEqualTo(1);
            assertThat(value(scrape, "groupchat_group_parked_polls", Map.of("group", "Metered")))
                    .isZero();
            assertThat(value(scrape, "groupchat_group_listed", Map.of("group", "Metered")))
                    .isEqualTo(1);
            assertThat(value(scrape, "groupchat_database_bytes", Map.of("group", "Metered", "file", "db")))
                    .isGreaterThan(0);
            assertThat(value(
                            scrape,
                            "groupchat_requests_total",
                            Map.of("role", "registry", "op", "REGISTER", "code", "OK")))
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrape)
                    .contains("# HELP groupchat_send_latency_seconds")
                    .contains("jvm_memory_used_bytes")
                    .contains("groupchat_handshake_refusals_total{reason=\"not_curve\"} 0");

            HttpResponse<String> health = get(base + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(get(base + "/nothing-here").statusCode()).isEqualTo(404);
            assertThat(servers.terminate()).isZero();
        }
    }

    @Test
    void aMetricsAddressInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerProcess server = ServerProcess.start(
                    work,
                    "--registry-bind",
                    FreePorts.endpoint(),
                    "--metrics-bind",
                    "127.0.0.1:" + taken.getLocalPort());
            assertThat(server.waitFor()).isEqualTo(2);
            await().until(() -> server.err().stream().anyMatch(l -> l.startsWith("groupchat-servers: ")));
            assertThat(server.err())
                    .filteredOn(l -> l.startsWith("groupchat-servers: "))
                    .singleElement()
                    .asString()
                    .contains("--metrics-bind 127.0.0.1:" + taken.getLocalPort())
                    .contains("in use");
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        HashMap<String, String> all = new HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    /** The value of the one sample of {@code metric} carrying all {@code labels}; -1 when there is none. */
    private static double value(HttpResponse<String> scrape, String metric, Map<String, String> labels) {
        return value(scrape.body(), metric, labels);
    }

    private static double value(String scrape, String metric, Map<String, String> labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }
}
