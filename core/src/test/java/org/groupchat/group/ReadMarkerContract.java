package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Test;

/** Protocol 1.4's read markers (MARK_READ, readSeq on JOIN and FETCH); {@link EventContractTest} runs it on each store. */
abstract class ReadMarkerContract extends GroupServerTestBase {

    ReadMarkerContract(TestStore store) {
        super(store);
    }

    private JsonNode markRead(String userId, String seq) {
        return raw.send("{\"op\":\"MARK_READ\",\"user\":{\"id\":\"" + userId + "\"}" + seq + "}");
    }

    @Test
    void aMarkerOnlyMovesForwardStopsAtTheLastSeqAndTwoCopiesAgree() {
        assertThat(assertOk(join(ALICE, "Alice")).path("readSeq").asLong()).isZero();
        sendMany(ALICE, 5);
        assertThat(assertOk(markRead(ALICE, ",\"seq\":3")).path("readSeq").asLong())
                .isEqualTo(3);
        assertThat(assertOk(markRead(ALICE, ",\"seq\":2")).path("readSeq").asLong())
                .isEqualTo(3);
        assertThat(assertOk(markRead(ALICE, ",\"seq\":99")).path("readSeq").asLong())
                .isEqualTo(5);
        try (RawRequester otherCopy = new RawRequester(server.boundEndpoint().toString())) {
            JsonNode fetched =
                    assertOk(otherCopy.send("{\"op\":\"FETCH\",\"user\":{\"id\":\"" + ALICE + "\"},\"afterSeq\":4}"));
            assertThat(fetched.path("readSeq").asLong()).isEqualTo(5);
        }
        assertThat(assertOk(fetch(ALICE, "")).path("readSeq").asLong()).isEqualTo(5);
    }

    @Test
    void markersSurviveARestartAndAreEachUsersOwn() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        sendMany(BOB, 4);
        assertOk(markRead(ALICE, ",\"seq\":2"));
        assertOk(markRead(BOB, ",\"seq\":4"));
        restart();
        assertThat(assertOk(join(ALICE, "Alice")).path("readSeq").asLong()).isEqualTo(2);
        assertThat(assertOk(fetch(BOB, ",\"afterSeq\":0")).path("readSeq").asLong())
                .isEqualTo(4);
        assertThat(assertOk(fetch(ALICE, ",\"afterSeq\":0")).path("messages"))
                .as("not a log event")
                .hasSize(4);
    }

    @Test
    void markReadIsForMembersAndNeedsASeq() {
        assertError(markRead(ALICE, ",\"seq\":1"), "NOT_MEMBER");
        assertOk(join(ALICE, "Alice"));
        assertError(markRead(ALICE, ""), "BAD_REQUEST");
        assertError(markRead(ALICE, ",\"seq\":-1"), "BAD_REQUEST");
        assertError(markRead(ALICE, ",\"seq\":\"three\""), "BAD_REQUEST");
    }
}
