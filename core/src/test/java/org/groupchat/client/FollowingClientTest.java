package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.registry.RegistryServer;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that finds its group unreachable looks it up again, in each registry, and goes on where it answers now. */
class FollowingClientTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");
    private static final ClientOptions QUICK = new ClientOptions(Duration.ofMillis(300), 1, Duration.ofMillis(50));

    @TempDir
    Path dataDir;

    @Test
    void aGroupThatMovedIsFollowedAndARetriedSendIsStoredOnce() throws Exception {
        try (RegistryServer registry = TestGroups.registry(2_000)) {
            // The first registry of the list is down: each lookup goes on to the next.
            Registries registries = Registries.parse(
                    null, TestGroups.endpointWhereNothingListens() + "," + registry.boundEndpoint(), QUICK, null);
            GroupServer first =
                    TestGroups.group("Moving", dataDir, registry.boundEndpoint().toString());
            await().until(() -> first.registration().getNow("not yet") == null);
            String firstEndpoint = first.advertisedEndpoint();
            try (GroupClient alice = new GroupClient(
                    null, registries.lookup("Moving").endpoint(), ALICE, QUICK, null, registries.locatorOf("Moving"))) {
                alice.join();
                String messageId = UUID.randomUUID().toString();
                Message before = alice.send(messageId, "before the move");
                first.close();
                try (GroupServer second = TestGroups.group(
                        "Moving", dataDir, registry.boundEndpoint().toString())) {
                    Message after = alice.send("after the move");
                    assertThat(alice.endpoint())
                            .isEqualTo(second.advertisedEndpoint())
                            .isNotEqualTo(firstEndpoint);
                    assertThat(after.seq()).isEqualTo(before.seq() + 1);
                    assertThat(alice.send(messageId, "before the move")).isEqualTo(before);
                    assertThat(alice.fetchAfter(0, 10, 0).messages())
                            .extracting(Message::text)
                            .isEqualTo(List.of("before the move", "after the move"));
                }
            }
        }
    }
}
