package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retention on both stores: old history goes in the background, FETCH and BEFORE say where it begins, seq goes on. */
class RetentionTest {
    private static final String ALICE = "11111111-1111-4111-8111-111111111111";

    @TempDir
    Path dataDir;

    private GroupServer server;
    private RawRequester raw;

    @AfterEach
    void stop() {
        if (raw != null) {
            raw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(TestStore store, long retainMs) {
        GroupServerConfig config = GroupServerConfig.of("Short Memory", TestGroups.ANY_PORT, null)
                .withLimits(GroupLimits.UNLIMITED_SENDS.withRetainMs(retainMs));
        server = TestGroups.group(config, dataDir, store);
        raw = new RawRequester(server.boundEndpoint().toString());
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void oldHistoryIsDroppedButNeverTheNewestAndSeqGoesOn(TestStore store) {
        store.reset();
        start(store, 1_500);
        assertOk(raw.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\",\"name\":\"Alice\"}}"));
        for (int i = 1; i <= 1_200; i++) {
            send("old " + i);
        }

        await("retention drops all but the newest")
                .atMost(Duration.ofSeconds(20))
                .until(() -> fetch(",\"afterSeq\":0").path("firstSeq").asLong() == 1_200);
        JsonNode page = fetch(",\"afterSeq\":0");
        assertThat(seqs(page)).containsExactly(1_200L);
        assertThat(page.path("lastSeq").asLong()).isEqualTo(1_200);

        assertThat(send("new").path("message").path("seq").asLong())
                .as("seq is never reused")
                .isEqualTo(1_201);
        JsonNode before = assertOk(
                raw.send("{\"op\":\"BEFORE\",\"user\":{\"id\":\"" + ALICE + "\"},\"beforeSeq\":1201,\"limit\":10}"));
        assertThat(before.path("more").asBoolean()).isFalse();
        // #1200 is no longer the newest, so it may go at any moment now: BEFORE shows it with firstSeq 1200, or not at
        // all
        assertThat(seqs(before)).isSubsetOf(1_200L);
        assertThat(before.path("firstSeq").asLong()).isEqualTo(seqs(before).isEmpty() ? 1_201 : 1_200);

        raw.close();
        server.close();
        start(store, 0);
        JsonNode reopened = fetch(",\"afterSeq\":0");
        assertThat(seqs(reopened))
                .endsWith(1_201L)
                .first()
                .isEqualTo(reopened.path("firstSeq").asLong());
        assertThat(send("after a restart").path("message").path("seq").asLong()).isEqualTo(1_202);
    }

    private JsonNode send(String text) {
        return assertOk(raw.send("{\"op\":\"SEND\",\"user\":{\"id\":\"" + ALICE + "\"},\"id\":\"" + UUID.randomUUID()
                + "\",\"text\":\"" + text + "\"}"));
    }

    private JsonNode fetch(String selector) {
        return assertOk(
                raw.send("{\"op\":\"FETCH\",\"user\":{\"id\":\"" + ALICE + "\"}" + selector + ",\"limit\":500}"));
    }

    private static List<Long> seqs(JsonNode reply) {
        List<Long> seqs = new ArrayList<>();
        reply.path("messages").forEach(m -> seqs.add(m.path("seq").asLong()));
        return seqs;
    }
}
