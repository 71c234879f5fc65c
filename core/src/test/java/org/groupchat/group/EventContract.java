package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol 1.4's events on SEND (replies, mentions, edits, deletions, reactions) over a real socket; {@link EventContractTest} runs it on each store. */
abstract class EventContract extends GroupServerTestBase {

    EventContract(TestStore store) {
        super(store);
    }

    @BeforeEach
    void aliceAndBobHaveSpoken() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "lunch at noon?"));
        assertOk(send(BOB, UUID.randomUUID().toString(), "sure"));
    }

    @Test
    void pingListsTheEventFeatures() {
        JsonNode ping = assertOk(raw.send("{\"op\":\"PING\"}"));
        assertThat(ping.path("features"))
                .extracting(JsonNode::asText)
                .contains("replies", "edits", "reactions", "mentions", "moderation", "read-markers");
    }

    @Test
    void aReplyWithMentionsIsStoredAndFetchedWithItsFieldsFromMemoryAndFromTheStore() {
        JsonNode reply = assertOk(event(
                        BOB,
                        UUID.randomUUID().toString(),
                        "\"text\":\"yes, @Alice\",\"replyTo\":1,\"mentions\":[\"" + ALICE + "\",\"" + ALICE + "\"]"))
                .path("message");
        assertThat(reply.path("seq").asLong()).isEqualTo(3);
        assertThat(reply.path("replyTo").asLong()).isEqualTo(1);
        assertThat(reply.path("mentions")).extracting(JsonNode::asText).containsExactly(ALICE);
        assertThat(reply.has("kind")).isFalse();

        JsonNode fromMemory =
                assertOk(fetch(ALICE, ",\"afterSeq\":2")).path("messages").get(0);
        assertThat(fromMemory).isEqualTo(reply);
        JsonNode edit = assertOk(event(
                        ALICE,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"edit\",\"target\":1,\"text\":\"at \\\"one\\\" é }\""))
                .path("message");
        JsonNode reaction = assertOk(event(
                        BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"👍🏽\""))
                .path("message");
        restart();
        JsonNode events = assertOk(fetch(ALICE, ",\"afterSeq\":3")).path("messages");
        assertThat(events.get(0)).isEqualTo(edit);
        assertThat(events.get(1)).isEqualTo(reaction);
        JsonNode fromStore = assertOk(fetch(ALICE, ",\"afterSeq\":0")).path("messages");
        assertThat(fromStore.get(2)).isEqualTo(reply);
        assertThat(fromStore.get(0).has("replyTo"))
                .as("a plain message has no event fields")
                .isFalse();
        assertThat(fromStore.get(0).has("mentions")).isFalse();
        JsonNode before = assertOk(raw.send("{\"op\":\"BEFORE\",\"user\":{\"id\":\"" + BOB + "\"},\"beforeSeq\":4}"));
        assertThat(before.path("messages").get(2)).isEqualTo(reply);
        assertThat(edit.path("text").asText()).isEqualTo("at \"one\" é }");
    }

    @Test
    void aReplyToNothingOrToAnEventAndBadMentionsAreRefusedAndNothingIsStored() {
        assertOk(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":2,\"emoji\":\"👍\""));
        assertError(event(BOB, UUID.randomUUID().toString(), "\"text\":\"?\",\"replyTo\":99"), "BAD_REQUEST");
        assertError(event(BOB, UUID.randomUUID().toString(), "\"text\":\"?\",\"replyTo\":0"), "BAD_REQUEST");
        JsonNode toAnEvent =
                assertError(event(BOB, UUID.randomUUID().toString(), "\"text\":\"?\",\"replyTo\":3"), "BAD_REQUEST");
        assertThat(toAnEvent.path("error").path("message").asText()).contains("reaction event");
        assertError(
                event(BOB, UUID.randomUUID().toString(), "\"text\":\"?\",\"mentions\":[\"not-an-id\"]"), "BAD_REQUEST");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("\"" + UUID.randomUUID() + "\"");
        }
        JsonNode tooMany = assertError(
                event(
                        BOB,
                        UUID.randomUUID().toString(),
                        "\"text\":\"all of you\",\"mentions\":[" + String.join(",", many) + "]"),
                "BAD_REQUEST");
        assertThat(tooMany.path("error").path("message").asText())
                .contains("51")
                .contains("50");
        assertThat(assertOk(fetch(ALICE, "")).path("lastSeq").asLong()).isEqualTo(3);
    }

    @Test
    void theAuthorEditsAndDeletesAndAV1ClientReadsSensibleText() {
        assertOk(event(
                ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":1,\"text\":\" lunch at one? \""));
        JsonNode deleted = assertOk(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"delete\",\"target\":1"))
                .path("message");
        assertThat(deleted.path("kind").asText()).isEqualTo("delete");
        assertThat(deleted.path("target").asLong()).isEqualTo(1);

        // A v1 client knows no kinds: it shows each entry's sender and text.
        JsonNode log = assertOk(fetch(BOB, ",\"afterSeq\":0")).path("messages");
        List<String> lines = new ArrayList<>();
        log.forEach(m -> lines.add(
                m.path("sender").path("name").asText() + ": " + m.path("text").asText()));
        assertThat(lines)
                .containsExactly(
                        "Alice: lunch at noon?", "Bob: sure", "Alice: lunch at one?", "Alice: deleted message #1");
        assertThat(log.get(2).path("kind").asText()).isEqualTo("edit");
    }

    @Test
    void editsAndDeletionsOfAnothersMessageOrOfWhatIsNotAMessageAreRefusedAndNothingIsStored() {
        JsonNode others = assertError(
                event(BOB, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":1,\"text\":\"mine now\""),
                "FORBIDDEN");
        assertThat(others.path("error").path("message").asText())
                .contains("Alice's")
                .contains("only its author");
        assertError(event(BOB, UUID.randomUUID().toString(), "\"kind\":\"delete\",\"target\":1"), "FORBIDDEN");
        assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":1,\"text\":\"  \""),
                "BAD_REQUEST");
        assertError(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":1"), "BAD_REQUEST");
        assertError(
                event(
                        ALICE,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"edit\",\"target\":1,\"text\":\"" + "x".repeat(16_385) + "\""),
                "TOO_LARGE");
        assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"text\":\"no target\""), "BAD_REQUEST");
        assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":9,\"text\":\"x\""),
                "BAD_REQUEST");
        JsonNode withText = assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"delete\",\"target\":1,\"text\":\"gone\""),
                "BAD_REQUEST");
        assertThat(withText.path("error").path("message").asText()).contains("leave \"text\" out");
        assertError(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"shout\",\"text\":\"x\""), "BAD_REQUEST");
        assertThat(assertOk(fetch(ALICE, "")).path("lastSeq").asLong()).isEqualTo(2);

        assertOk(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":1,\"text\":\"at one\""));
        assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":3,\"text\":\"edit the edit\""),
                "BAD_REQUEST");
        assertOk(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"delete\",\"target\":1"));
        JsonNode again = assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"delete\",\"target\":1"), "BAD_REQUEST");
        assertThat(again.path("error").path("message").asText()).contains("was deleted");
        assertError(
                event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"edit\",\"target\":1,\"text\":\"x\""),
                "BAD_REQUEST");
        assertError(event(BOB, UUID.randomUUID().toString(), "\"text\":\"re\",\"replyTo\":1"), "BAD_REQUEST");
        assertThat(assertOk(fetch(ALICE, "")).path("lastSeq").asLong()).isEqualTo(4);
    }

    @Test
    void aReactionIsTakenBackOnceAndDuplicatesAreRefused() {
        JsonNode reacted = assertOk(
                        event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"👍\""))
                .path("message");
        assertThat(reacted.path("text").asText()).isEqualTo("reacted 👍 to message #1");
        assertThat(reacted.path("emoji").asText()).isEqualTo("👍");
        JsonNode twice = assertError(
                event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"👍\""),
                "BAD_REQUEST");
        assertThat(twice.path("error").path("message").asText()).contains("already reacted");
        assertOk(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"👍\""));
        assertOk(event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"🎉\""));
        assertOk(event(BOB, UUID.randomUUID().toString(), "\"kind\":\"unreaction\",\"target\":1,\"emoji\":\"👍\""));
        JsonNode none = assertError(
                event(BOB, UUID.randomUUID().toString(), "\"kind\":\"unreaction\",\"target\":1,\"emoji\":\"👍\""),
                "BAD_REQUEST");
        assertThat(none.path("error").path("message").asText()).contains("no 👍 reaction");
        assertOk(event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"👍\""));

        assertError(
                event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"\""),
                "BAD_REQUEST");
        assertError(
                event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"a b\""),
                "BAD_REQUEST");
        assertError(
                event(
                        BOB,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"" + "😀".repeat(9) + "\""),
                "BAD_REQUEST");
        assertError(
                event(BOB, UUID.randomUUID().toString(), "\"kind\":\"reaction\",\"target\":42,\"emoji\":\"👍\""),
                "BAD_REQUEST");
        assertError(
                event(
                        BOB,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"reaction\",\"target\":1,\"emoji\":\"👍\",\"text\":\"+1\""),
                "BAD_REQUEST");
        assertThat(assertOk(fetch(ALICE, "")).path("lastSeq").asLong()).isEqualTo(7);
    }

    @Test
    void everyEventRetriedWithItsIdIsAnsweredFromStorageAndStoredOnce() {
        List<String> events = List.of(
                "\"text\":\"yes\",\"replyTo\":1,\"mentions\":[\"" + BOB + "\"]",
                "\"kind\":\"edit\",\"target\":1,\"text\":\"lunch at one?\"",
                "\"kind\":\"reaction\",\"target\":2,\"emoji\":\"👍\"",
                "\"kind\":\"unreaction\",\"target\":2,\"emoji\":\"👍\"",
                "\"kind\":\"delete\",\"target\":1");
        for (String fields : events) {
            String id = UUID.randomUUID().toString();
            JsonNode first = assertOk(event(ALICE, id, fields)).path("message");
            JsonNode retried = assertOk(event(ALICE, id, fields)).path("message");
            assertThat(retried).as(fields).isEqualTo(first);
        }
        JsonNode log = assertOk(fetch(BOB, ",\"afterSeq\":0"));
        assertThat(log.path("lastSeq").asLong()).isEqualTo(7);
        assertThat(seqs(log.path("messages"))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
}
