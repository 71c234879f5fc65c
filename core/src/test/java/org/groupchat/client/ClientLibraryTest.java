package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.OneThreadClient;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;

class ClientLibraryTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");

    @TempDir
    Path dataDir;

    @Test
    void aServerThatComesUpLateIsReachedByRetryingWithoutADuplicate() throws Exception {
        String endpoint = TestGroups.endpointWhereNothingListens();
        try (GroupServer setup = TestGroups.group(GroupServerConfig.of("Late", endpoint, null), dataDir);
                GroupClient joiner = new GroupClient(endpoint, ALICE)) {
            joiner.join();
        }
        ClientOptions patient = new ClientOptions(Duration.ofMillis(300), 8, Duration.ofMillis(100));
        try (OneThreadClient alice = new OneThreadClient(() -> new GroupClient(null, endpoint, ALICE, patient))) {
            String messageId = UUID.randomUUID().toString();
            CompletableFuture<Message> sending = alice.ask(c -> c.send(messageId, "are you there?"));
            assertThat(sending)
                    .failsWithin(Duration.ofMillis(700))
                    .withThrowableThat()
                    .isInstanceOf(TimeoutException.class);
            try (GroupServer late = TestGroups.group(GroupServerConfig.of("Late", endpoint, null), dataDir)) {
                Message sent = sending.get(10, TimeUnit.SECONDS);
                assertThat(sent.text()).isEqualTo("are you there?");
                try (GroupClient reader = new GroupClient(endpoint, ALICE)) {
                    assertThat(reader.fetchAfter(0, 100, 0).messages())
                            .extracting(Message::id)
                            .containsExactly(messageId);
                }
            }
        }
    }

    @Test
    void aServerThatNeverAnswersIsReportedUnreachableAfterTheRetries() throws Exception {
        String endpoint = TestGroups.endpointWhereNothingListens();
        ClientOptions quick = new ClientOptions(Duration.ofMillis(100), 2, Duration.ofMillis(10));
        try (GroupClient alice = new GroupClient(null, endpoint, ALICE, quick)) {
            assertThatThrownBy(alice::ping).isInstanceOfSatisfying(ServerUnreachableException.class, e -> {
                assertThat(e.endpoint()).isEqualTo(endpoint);
                assertThat(e.getMessage()).contains("3 attempts");
            });
        }
    }

    @Test
    void anAddressThatIsNotTcpHostPortIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new GroupClient("localhost:5560", ALICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp://host:port")
                .hasMessageContaining("localhost:5560");
    }

    @Test
    void aRequestOverTheFrameLimitIsRefusedBeforeSendingInsteadOfTimingOut() {
        try (GroupServer server = TestGroups.group("Big", dataDir, null);
                GroupClient alice = new GroupClient(server.boundEndpoint().toString(), ALICE)) {
            alice.join();
            assertThatThrownBy(() -> alice.send("x".repeat(300 * 1024)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("servers accept at most 262144 bytes");
            assertThat(alice.send("x".repeat(20_000 / 2)).text()).hasSize(10_000);
        }
    }

    @Test
    void errorRepliesSurfaceAsTypedExceptionsWithTheServersCodeAndMessage() {
        try (GroupServer server = TestGroups.group("Typed", dataDir, null);
                GroupClient stranger = new GroupClient(server.boundEndpoint().toString(), ALICE)) {
            assertThatThrownBy(() -> stranger.send("hello")).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NOT_MEMBER);
                assertThat(e.getMessage()).contains("not a member of \"Typed\"");
            });
        }
    }

    @Test
    void everyFreshClientIsAnsweredOnItsFirstAttempt() {
        // Guards the handshake limit in ConnectingSockets: without it about 1 in 60 first requests never arrives.
        ClientOptions noRetry = new ClientOptions(Duration.ofSeconds(3), 0, Duration.ofMillis(10));
        try (GroupServer server = TestGroups.group("Busy", dataDir, null);
                ZContext context = new ZContext(1)) {
            for (int i = 0; i < 300; i++) {
                try (GroupClient client =
                        new GroupClient(context, server.boundEndpoint().toString(), ALICE, noRetry)) {
                    assertThat(client.ping().role()).isEqualTo("group");
                }
            }
        }
    }
}
