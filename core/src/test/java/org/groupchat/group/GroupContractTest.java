package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.groupchat.testing.LostDatabase;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group contract on each store, and what only one store can be put through. */
class GroupContractTest {

    @Nested
    class OnSqlite extends GroupContract {
        OnSqlite() {
            super(TestStore.SQLITE);
        }

        @Test
        void aFullDiskGivesInternalErrorNotAFalseAckAndTheServerRecovers(@TempDir Path otherDir) {
            SqliteMessageStore store = SqliteMessageStore.open(otherDir.resolve("full.db"), Durability.PROCESS_CRASH);
            GroupServer full = new GroupServer(
                    TestGroups.unlimited(GroupServerConfig.of("Full", TestGroups.ANY_PORT, null)), store);
            full.start();
            try (RawRequester client = new RawRequester(full.boundEndpoint().toString())) {
                assertOk(client.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\",\"name\":\"Alice\"}}"));
                store.limitSize(64 * 1024);
                String big = "y".repeat(16_000);
                int acked = 0;
                JsonNode reply;
                do {
                    reply = client.send("{\"op\":\"SEND\",\"user\":{\"id\":\"" + ALICE + "\"},\"id\":\""
                            + UUID.randomUUID() + "\",\"text\":\"" + big + "\"}");
                    acked += reply.path("ok").asBoolean() ? 1 : 0;
                } while (reply.path("ok").asBoolean() && acked < 100);
                assertError(reply, "INTERNAL");
                assertThat(reply.path("error").path("message").asText()).contains("not stored");
                JsonNode stored =
                        assertOk(client.send("{\"op\":\"FETCH\",\"user\":{\"id\":\"" + ALICE + "\"},\"afterSeq\":0}"));
                assertThat(stored.path("messages")).hasSize(acked);
                assertThat(stored.path("lastSeq").asLong()).isEqualTo(acked);

                store.limitSize(64L * 1024 * 1024);
                JsonNode next = assertOk(client.send("{\"op\":\"SEND\",\"user\":{\"id\":\"" + ALICE + "\"},\"id\":\""
                        + UUID.randomUUID() + "\",\"text\":\"room again\"}"));
                assertThat(next.path("message").path("seq").asLong()).isEqualTo(acked + 1);
            } finally {
                full.close();
            }
        }
    }

    @Nested
    class OnPostgresql extends GroupContract {
        OnPostgresql() {
            super(TestStore.POSTGRESQL);
        }

        @Test
        void aLostDatabaseGivesInternalErrorNotAFalseAckAndServiceResumesWhenItReturns() throws Exception {
            assertOk(join(ALICE, "Alice"));
            assertOk(send(ALICE, UUID.randomUUID().toString(), "before"));
            try (LostDatabase down = LostDatabase.now()) {
                for (int i = 0; i < 3; i++) {
                    JsonNode lost = send(ALICE, UUID.randomUUID().toString(), "while away " + i);
                    assertError(lost, "INTERNAL");
                    assertThat(lost.path("error").path("message").asText()).contains("not stored");
                }
            }
            String retried = UUID.randomUUID().toString();
            JsonNode back = await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> send(ALICE, retried, "back again"),
                            reply -> reply.path("ok").asBoolean());
            assertThat(back.path("message").path("seq").asLong()).isEqualTo(2);
            JsonNode stored = assertOk(fetch(ALICE, ",\"afterSeq\":0"));
            assertThat(seqs(stored.path("messages"))).containsExactly(1L, 2L);
        }
    }
}
