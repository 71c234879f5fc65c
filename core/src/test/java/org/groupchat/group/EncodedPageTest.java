package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The FETCH reply each store's database writes row by row says exactly what the same page encoded by Jackson says. */
class EncodedPageTest {
    private static final String[] AWKWARD_TEXTS = {
        "plain", "a \"quoted\" word", "back\\slash", "line\nbreak\tand tab\r", "bell \u0007 and nul \u0000 inside",
        "é, 中文, עברית", "emoji 😀 and 𝄞 outside the BMP", "separators \u2028 \u2029", "</script><b>", "   ",
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyKindOfFetchIsEncodedAsJacksonEncodesTheSamePage(TestStore kind) throws Exception {
        kind.reset();
        try (MessageStore store = kind.open("Cool Group", dir)) {
            User odd = new User(UUID.randomUUID().toString(), "O'Brien \"the\" \\ 😀");
            for (String text : AWKWARD_TEXTS) {
                store.append(List.of(new NewMessage(UUID.randomUUID().toString(), odd, text)));
            }
            long firstTs = store.after(0, 1).messages().get(0).ts();
            List<FetchQuery> queries = List.of(
                    new FetchQuery(FetchQuery.Mode.AFTER_SEQ, 0, 100),
                    new FetchQuery(FetchQuery.Mode.AFTER_SEQ, 2, 3),
                    new FetchQuery(FetchQuery.Mode.AFTER_SEQ, 99, 10),
                    new FetchQuery(FetchQuery.Mode.SINCE_TS, firstTs, 4),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, 3),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, 100));
            for (FetchQuery query : queries) {
                Page page = query.run(store);
                JsonNode expected =
                        Json.mapper().readTree(Json.write(new Reply.Fetched(page.messages(), 42, page.more())));
                EncodedPage encoded = store.encoded(query);
                assertThat(Json.mapper().readTree(encoded.fetchedReply(42)))
                        .as(query.toString())
                        .isEqualTo(expected);
                assertThat(encoded.count()).isEqualTo(page.messages().size());
            }
            assertThat(store.encoded(new FetchQuery(FetchQuery.Mode.AFTER_SEQ, 0, 100))
                            .count())
                    .isEqualTo(AWKWARD_TEXTS.length);
        }
    }
}
