package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.client.HandshakeRefusedException;
import org.groupchat.client.ServerErrorException;
import org.groupchat.group.GroupDatabase;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secure launcher's refusals of CURVE clients, by reason, as an operator reads them from /metrics. */
class SecureMetricsIT {
    private static final ClientOptions QUICK =
            ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(1);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void curveClientsWithAWrongServerKeyOrAnUnlistedKeyAreEachCounted() throws Exception {
        CurveKeyPair alice = CurveKeyPair.generate();
        CurveKeyPair mallory = CurveKeyPair.generate();
        Files.writeString(work.resolve("club.allow"), alice.publicKey() + " Alice\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String club = FreePorts.endpoint();
        String metrics = "http://127.0.0.1:" + port + "/metrics";
        try (ServerProcess servers = ServerProcess.startReady(
                work,
                "--secure",
                "--registry-bind",
                FreePorts.endpoint(),
                "--group",
                "Club=" + club,
                "--allow-users",
                "club.allow",
                "--data-dir",
                "./data",
                "--metrics-bind",
                "127.0.0.1:" + port)) {
            String clubKey =
                    KeyFiles.publicKeyFrom(KeyFiles.publicFile(work.resolve("data/keys"), GroupDatabase.stemFor("Club"))
                            .toString());
            assertThat(scrape(metrics))
                    .contains("groupchat_handshake_refusals_total{reason=\"wrong_server_key\"} 0")
                    .contains("groupchat_handshake_refusals_total{reason=\"key_not_allowed\"} 0")
                    .contains("groupchat_handshake_refusals_total{reason=\"not_curve\"} 0");

            try (GroupClient wrongKey =
                    client(club, alice, new ClientKeys(CurveKeyPair.generate().publicKey(), alice))) {
                assertThatThrownBy(wrongKey::join).isInstanceOf(HandshakeRefusedException.class);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> count(metrics, "wrong_server_key") >= 1);

            try (GroupClient outsider = client(club, mallory, new ClientKeys(clubKey, mallory))) {
                assertThatThrownBy(outsider::join)
                        .isInstanceOf(ServerErrorException.class)
                        .hasMessageContaining("private group");
            }
            assertThat(count(metrics, "key_not_allowed")).isEqualTo(1);

            try (GroupClient member = client(club, alice, new ClientKeys(clubKey, alice))) {
                member.join();
            }
            String after = scrape(metrics);
            assertThat(value(after, "key_not_allowed")).isEqualTo(1);
            assertThat(servers.terminate()).isZero();
        }
    }

    private static GroupClient client(String endpoint, CurveKeyPair keys, ClientKeys security) {
        User user = new User(
                PublicKeys.userIdFor(keys.publicKey()),
                "U" + UUID.randomUUID().toString().substring(0, 4));
        return new GroupClient(null, endpoint, user, QUICK, security);
    }

    private String scrape(String url) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private double count(String url, String reason) throws Exception {
        return value(scrape(url), reason);
    }

    private static double value(String scrape, String reason) {
        String prefix = "groupchat_handshake_refusals_total{reason=\"" + reason + "\"} ";
        return scrape.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length())))
                .findFirst()
                .orElse(-1);
    }
}
