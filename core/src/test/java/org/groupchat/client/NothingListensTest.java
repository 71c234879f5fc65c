package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.OneThreadClient;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A one-shot client (the CLI) told that nothing listens at an address says so at once, not after 10 s of retries. */
class NothingListensTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");
    private static final ClientOptions ONE_SHOT = ClientOptions.DEFAULT.withGiveUpWhenNothingListens(true);

    @TempDir
    Path dataDir;

    @Test
    void aFirstCallWhereNothingListensFailsAtOnceAndSaysWhy() throws Exception {
        String endpoint = TestGroups.endpointWhereNothingListens();
        long started = System.nanoTime();
        Throwable failure;
        try (RegistryClient registry = new RegistryClient(null, endpoint, ONE_SHOT)) {
            failure = catchThrowable(registry::list);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(failure)
                .isInstanceOf(NothingListensException.class)
                .hasMessage("nothing listens at " + endpoint + " (connection refused)");
        // the patient default (2 s timeout, 3 retries) would take over 8 s here
        assertThat(elapsedMs).isLessThan(2_000);
    }

    @Test
    void aServerOnceReachedIsStillWaitedForWhileItRestarts() throws Exception {
        String endpoint = TestGroups.endpointWhereNothingListens();
        GroupServerConfig config = GroupServerConfig.of("Restarting", endpoint, null);
        GroupServer first = TestGroups.group(config, dataDir);
        // made once the server listens: made before, its connects are refused while the store opens (3 in ~0.3 s)
        try (OneThreadClient alice = new OneThreadClient(() -> new GroupClient(null, endpoint, ALICE, ONE_SHOT))) {
            try (first) {
                alice.call(GroupClient::join);
            }
            String messageId = UUID.randomUUID().toString();
            CompletableFuture<Message> sending = alice.ask(c -> c.send(messageId, "still there?"));
            assertThat(sending)
                    .failsWithin(Duration.ofMillis(1_500))
                    .withThrowableThat()
                    .isInstanceOf(TimeoutException.class);
            try (GroupServer restarted = TestGroups.group(config, dataDir)) {
                assertThat(sending.get(10, TimeUnit.SECONDS).text()).isEqualTo("still there?");
            }
        }
    }
}
