package org.groupchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The FETCH reply assembled from pre-encoded rows says, field for field, what Jackson writes for Reply.Fetched. */
class EncodedPageReplyTest {
    private static final User ADA = new User(UUID.randomUUID().toString(), "Ada \"the\" \\ 😀");

    @Test
    void everyCombinationOfTheOptionalFieldsEncodesAsTheRecordDoes() throws Exception {
        List<Message> messages = List.of(
                new Message(1, UUID.randomUUID().toString(), 1_700_000_000_000L, ADA, "line\nbreak \u2028 </script>"),
                new Message(2, UUID.randomUUID().toString(), 1_700_000_000_001L, ADA, "second"));
        List<byte[]> rows = new ArrayList<>();
        messages.forEach(m -> rows.add(Json.write(m)));
        for (String historyId : new String[] {null, "5f1c-a2", "odd \"id\""}) {
            for (Long firstSeq : new Long[] {null, 1L}) {
                for (Long readSeq : new Long[] {null, 0L, 2L}) {
                    for (boolean more : new boolean[] {false, true}) {
                        byte[] expected =
                                Json.write(new Reply.Fetched(messages, 9, more, historyId, firstSeq, readSeq));
                        assertThat(Json.mapper()
                                        .readTree(EncodedPage.ofRows(rows, more)
                                                .fetchedReply(9, historyId, firstSeq, readSeq)))
                                .as(
                                        "historyId %s, firstSeq %s, readSeq %s, more %s",
                                        historyId, firstSeq, readSeq, more)
                                .isEqualTo(Json.mapper().readTree(expected))
                                .isEqualTo(Json.mapper()
                                        .readTree(EncodedPage.ofMessages(messages, more)
                                                .fetchedReply(9, historyId, firstSeq, readSeq)));
                    }
                }
            }
        }
    }
}
