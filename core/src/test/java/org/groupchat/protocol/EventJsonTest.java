package org.groupchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 1.4 records on the wire: the names a third-party client reads, and nothing where a field is not set. */
class EventJsonTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }

    @Test
    void aMemberWhoOwnsTheGroupSaysOwnerAndOthersSayNothing() throws Exception {
        assertThat(json(new Member(ALICE.id(), "Alice", true, true))).contains("\"owner\":true");
        assertThat(json(new Member(ALICE.id(), "Alice", true))).doesNotContain("owner");
        Member read = Json.mapper()
                .readValue(
                        "{\"id\":\"" + ALICE.id() + "\",\"name\":\"Alice\",\"online\":false,\"owner\":true}",
                        Member.class);
        assertThat(read.isOwner()).isTrue();
    }

    @Test
    void aPlainMessageHasNoEventFieldsAndAnEventHasOnlyItsOwn() {
        assertThat(json(new Message(1, "c0ffee00-0000-4000-8000-000000000001", 5, ALICE, "hi")))
                .isEqualTo(
                        "{\"seq\":1,\"id\":\"c0ffee00-0000-4000-8000-000000000001\",\"ts\":5,"
                                + "\"sender\":{\"id\":\"11111111-1111-4111-8111-111111111111\",\"name\":\"Alice\"},\"text\":\"hi\"}");
        String reaction = json(new Message(
                2,
                "c0ffee00-0000-4000-8000-000000000002",
                6,
                ALICE,
                "reacted 👍 to message #1",
                "reaction",
                null,
                1L,
                "👍",
                null,
                null));
        assertThat(reaction)
                .endsWith("\"kind\":\"reaction\",\"target\":1,\"emoji\":\"\\uD83D\\uDC4D\"}")
                .doesNotContain("replyTo");
        assertThat(json(Request.Send.message(User.ofId(ALICE.id()), "x", "hi", 1L, List.of())))
                .contains("\"replyTo\":1")
                .doesNotContain("mentions")
                .doesNotContain("kind");
        assertThat(json(Request.Send.moderate(User.ofId(ALICE.id()), "x", EventKind.BAN, ALICE.id())))
                .contains("\"op\":\"SEND\"")
                .contains("\"kind\":\"ban\"")
                .contains("\"member\":");
    }
}
