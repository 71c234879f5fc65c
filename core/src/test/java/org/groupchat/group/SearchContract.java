package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.groupchat.client.GroupClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Test;

/** SEARCH (1.4) over a real socket and a real store; {@link SearchContractTest} runs it on each store. */
abstract class SearchContract extends GroupServerTestBase {

    SearchContract(TestStore store) {
        super(store);
    }

    @Test
    void pingListsSearchAmongTheFeatures() {
        JsonNode ping = assertOk(raw.send("{\"op\":\"PING\"}"));
        assertThat(ping.path("features")).extracting(JsonNode::asText).contains("search");
    }

    @Test
    void aMemberFindsMessagesNewestFirstAndPagesToOlderHitsWithBeforeSeq() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "Lunch at noon?"));
        assertOk(send(BOB, UUID.randomUUID().toString(), "no lunch for me today"));
        assertOk(send(BOB, UUID.randomUUID().toString(), "dinner then"));

        JsonNode all = assertOk(search(ALICE, Map.of("query", "LUNCH")));
        assertThat(seqs(all.path("hits"))).containsExactly(2L, 1L);
        assertThat(all.path("hits").get(0).path("sender").path("name").asText()).isEqualTo("Bob");
        assertThat(all.path("hits").get(0).path("text").asText()).isEqualTo("no lunch for me today");
        assertThat(all.path("more").asBoolean()).isFalse();

        JsonNode first = assertOk(search(ALICE, Map.of("query", "lun", "limit", 1)));
        assertThat(seqs(first.path("hits"))).containsExactly(2L);
        assertThat(first.path("more").asBoolean()).isTrue();
        JsonNode older = assertOk(search(ALICE, Map.of("query", "lun", "limit", 1, "beforeSeq", 2)));
        assertThat(seqs(older.path("hits"))).containsExactly(1L);
        assertThat(older.path("more").asBoolean()).isFalse();
    }

    @Test
    void anEditedMessageIsFoundByItsNewTextAndADeletedOneIsNot() {
        assertOk(join(ALICE, "Alice"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "meet at the statoin"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "bring the station map"));
        LogRows.event(store, dataDir, "Cool Group", 3, "edit", 1, new User(ALICE, "Alice"), "meet at the station");
        LogRows.event(store, dataDir, "Cool Group", 4, "delete", 2, new User(ALICE, "Alice"), "message deleted");

        JsonNode hits = assertOk(search(ALICE, Map.of("query", "station"))).path("hits");
        assertThat(seqs(hits)).containsExactly(1L);
        assertThat(hits.get(0).path("text").asText()).isEqualTo("meet at the station");
        assertThat(assertOk(search(ALICE, Map.of("query", "statoin"))).path("hits"))
                .isEmpty();
    }

    @Test
    void onlyMembersMaySearch() {
        assertOk(join(ALICE, "Alice"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "a private plan"));
        assertError(search(BOB, Map.of("query", "plan")), "NOT_MEMBER");
        assertOk(raw.send("{\"op\":\"LEAVE\",\"user\":{\"id\":\"" + ALICE + "\"}}"));
        assertError(search(ALICE, Map.of("query", "plan")), "NOT_MEMBER");
    }

    @Test
    void aQueryEmptyOrOver200CharactersOrALimitOutOf1To100IsRefusedWithASentence() {
        assertOk(join(ALICE, "Alice"));
        assertThat(refusal(Map.of())).contains("\"query\" is required");
        assertThat(refusal(Map.of("query", "   "))).contains("\"query\" must hold 1 to 200 characters");
        assertThat(refusal(Map.of("query", "x".repeat(201)))).contains("1 to 200 characters (it has 201)");
        assertThat(refusal(Map.of("query", "x".repeat(10_000)))).contains("(it has 10000)");
        assertThat(refusal(Map.of("query", "hello", "limit", 0))).contains("\"limit\" must be between 1 and 100");
        assertThat(refusal(Map.of("query", "hello", "limit", 101))).contains("\"limit\" must be between 1 and 100");
        assertThat(refusal(Map.of("query", "hello", "beforeSeq", -1))).contains("\"beforeSeq\" must not be negative");
        assertOk(search(ALICE, Map.of("query", "é".repeat(200), "limit", 100)));
    }

    @Test
    void queryOperatorsQuotesAndControlCharactersAreWordsAndNeverBreakTheServer() {
        assertOk(join(ALICE, "Alice"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "NEAR the AND gate, or not"));
        for (String hostile : List.of(
                "\"",
                "'",
                "*",
                "NEAR(",
                "a AND",
                "(x OR y",
                "\u0000",
                "foo\u0000bar",
                ":*",
                "\\",
                "text:gate",
                "'; DROP TABLE messages; --",
                "&!|",
                "😀")) {
            JsonNode reply = assertOk(search(ALICE, Map.of("query", hostile)));
            assertThat(reply.path("more").asBoolean()).as(hostile).isFalse();
        }
        assertThat(seqs(assertOk(search(ALICE, Map.of("query", "near(the) AND")))
                        .path("hits")))
                .containsExactly(1L);
        assertThat(assertOk(search(ALICE, Map.of("query", "?!..."))).path("hits"))
                .as("no words: no hits")
                .isEmpty();
        assertOk(raw.send("{\"op\":\"PING\"}"));
    }

    @Test
    void theClientLibrarySearchesAndHandsBackTheServersRefusal() {
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), new User(ALICE, "Alice"))) {
            alice.join();
            Message sent = alice.send("the quarterly report is ready");
            alice.send("nothing to see");
            Reply.SearchHits hits = alice.search("Report", null, 10);
            assertThat(hits.hits()).containsExactly(sent);
            assertThat(hits.more()).isFalse();
            assertThat(alice.search("report", sent.seq(), 10).hits()).isEmpty();
            assertThatThrownBy(() -> alice.search(" ", null, 10))
                    .isInstanceOf(ServerErrorException.class)
                    .extracting(e -> ((ServerErrorException) e).code())
                    .isEqualTo(ErrorCode.BAD_REQUEST);
        }
    }

    private JsonNode search(String userId, Map<String, Object> fields) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("op", "SEARCH");
        request.put("user", Map.of("id", userId));
        request.putAll(fields);
        return raw.send(new String(Json.write(request), StandardCharsets.UTF_8));
    }

    private String refusal(Map<String, Object> fields) {
        return assertError(search(ALICE, fields), "BAD_REQUEST")
                .path("error")
                .path("message")
                .asText();
    }
}
