package org.groupchat.group;

import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A group server on a real socket and SQLite file, and raw requests to it as a third-party client sends them. */
abstract class GroupServerTestBase {
    static final String ALICE = "11111111-1111-4111-8111-111111111111";
    static final String BOB = "22222222-2222-4222-8222-222222222222";

    @TempDir
    Path dataDir;

    GroupServer server;
    RawRequester raw;

    @BeforeEach
    void start() {
        server = TestGroups.group(TestGroups.unlimited(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null)), dataDir);
        raw = new RawRequester(server.boundEndpoint().toString());
    }

    @AfterEach
    void stop() {
        raw.close();
        server.close();
    }

    JsonNode join(String id, String name) {
        return raw.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}}");
    }

    JsonNode send(String userId, String messageId, String text) {
        return raw.send("{\"op\":\"SEND\",\"user\":{\"id\":\"" + userId + "\"},\"id\":\"" + messageId + "\",\"text\":\"" + text + "\"}");
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
