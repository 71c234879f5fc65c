package org.groupchat.group;

import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A group server on a real socket and a real store (a SQLite file or a PostgreSQL server), and raw requests to it as a third-party client sends them. */
abstract class GroupServerTestBase {
    static final String ALICE = "11111111-1111-4111-8111-111111111111";
    static final String BOB = "22222222-2222-4222-8222-222222222222";

    @TempDir
    Path dataDir;

    final TestStore store;
    GroupServer server;
    RawRequester raw;

    GroupServerTestBase(TestStore store) {
        this.store = store;
    }

    @BeforeEach
    void start() {
        store.reset();
        server = group(TestGroups.unlimited(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null)), dataDir);
        raw = new RawRequester(server.boundEndpoint().toString());
    }

    /** Stops the group and lets retention drop its messages older than {@code cutoffMs}, as a sweep does; how many. */
    int stoppedAndSweptOlderThan(long cutoffMs) {
        raw.close();
        server.close();
        try (MessageStore reopened = store.open("Cool Group", dataDir)) {
            return reopened.dropOlderThan(cutoffMs, 100);
        }
    }

    /** The chunk rows the store holds, uploads and content alike. */
    long chunkRows() {
        return StoredChunks.count(store, dataDir);
    }

    @AfterEach
    void stop() {
        // null when the test was skipped before its server started (no PostgreSQL here)
        if (raw != null) {
            raw.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A started group on this test's store; {@code dir} holds its file when the store is SQLite. */
    GroupServer group(GroupServerConfig config, Path dir) {
        return TestGroups.group(config, dir, store);
    }

    JsonNode join(String id, String name) {
        return raw.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}");
    }

    JsonNode send(String userId, String messageId, String text) {
        return raw.send("{\"op\":\"SEND\",\"user\":{\"id\":\"" + userId + "\"},\"id\":\"" + messageId + "\",\"text\":\""
                + text + "\"}");
    }

    /** A SEND with the given extra fields, such as {@code "kind":"edit","target":3,"text":"fixed"}. */
    JsonNode event(String userId, String messageId, String fields) {
        return raw.send(
                "{\"op\":\"SEND\",\"user\":{\"id\":\"" + userId + "\"},\"id\":\"" + messageId + "\"," + fields + "}");
    }

    /** Stops the group (if it runs) and starts it again on the same store, as an operator's restart does. */
    void restart() {
        raw.close();
        server.close();
        server = group(TestGroups.unlimited(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null)), dataDir);
        raw = new RawRequester(server.boundEndpoint().toString());
    }

    JsonNode fetch(String userId, String selector) {
        return raw.send("{\"op\":\"FETCH\",\"user\":{\"id\":\"" + userId + "\"}" + selector + "}");
    }

    List<Long> seqs(JsonNode messages) {
        List<Long> seqs = new ArrayList<>();
        messages.forEach(m -> seqs.add(m.path("seq").asLong()));
        return seqs;
    }

    void sendMany(String userId, int count) {
        for (int i = 1; i <= count; i++) {
            assertOk(send(userId, UUID.randomUUID().toString(), "message " + i));
        }
    }
}
