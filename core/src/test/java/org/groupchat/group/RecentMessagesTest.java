package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FETCHes answered from the newest messages kept in memory say exactly what the database says, or are left to it. */
class RecentMessagesTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice \"A\" 😀");

    @TempDir
    Path dir;

    private final RecentMessages recent = new RecentMessages();

    @Test
    void answersWhatLiesWithinTheKeptMessagesAsTheDatabaseDoesAndLeavesOlderPagesToIt() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH)) {
            int total = RecentMessages.CAPACITY + 176;
            for (int stored = 0, batch = 1; stored < total; stored += batch, batch = batch % 7 + 1) {
                recent.addAll(append(store, Math.min(batch, total - stored)));
            }
            long firstKept = total - RecentMessages.CAPACITY + 1;
            long firstKeptTs = store.after(firstKept - 1, 1).messages().get(0).ts();
            long lastTs = store.newest(1).messages().get(0).ts();

            List<FetchQuery> inMemory = List.of(
                    after(firstKept - 1, 500),
                    after(firstKept + 300, 500),
                    after(total - 1, 10),
                    after(total, 100),
                    after(total + 50, 100),
                    new FetchQuery(FetchQuery.Mode.SINCE_TS, lastTs, 500),
                    new FetchQuery(FetchQuery.Mode.SINCE_TS, lastTs + 1, 500),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, 1),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, 500));
            for (FetchQuery query : inMemory) {
                EncodedPage fromMemory = recent.answer(query, store.lastSeq());
                assertThat(fromMemory).as(query.toString()).isNotNull();
                assertSamePage(fromMemory, store.encoded(query), query);
            }
            List<FetchQuery> older = List.of(
                    after(0, 100),
                    after(firstKept - 2, 5),
                    new FetchQuery(FetchQuery.Mode.SINCE_TS, 0, 100),
                    new FetchQuery(FetchQuery.Mode.SINCE_TS, firstKeptTs, 100),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, RecentMessages.CAPACITY + 1));
            for (FetchQuery query : older) {
                assertThat(recent.answer(query, store.lastSeq()))
                        .as(query.toString())
                        .isNull();
            }
        }
    }

    @Test
    void aSmallGroupIsAnsweredWhollyFromMemoryWithTheSamePagesAsTheDatabase() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH)) {
            recent.addAll(append(store, 600));
            List<FetchQuery> queries = List.of(
                    new FetchQuery(FetchQuery.Mode.SINCE_TS, 0, 500),
                    after(500, 500),
                    after(0, 1),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, 600),
                    new FetchQuery(FetchQuery.Mode.NEWEST, 0, 100));
            for (FetchQuery query : queries) {
                EncodedPage fromMemory = recent.answer(query, store.lastSeq());
                assertThat(fromMemory).as(query.toString()).isNotNull();
                assertSamePage(fromMemory, store.encoded(query), query);
            }
        }
    }

    @Test
    void onceTheStoreHoldsMessagesItWasNotGivenItLeavesEveryFetchToTheStore() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH)) {
            recent.addAll(append(store, 10));
            append(store, 1);

            assertThat(recent.answer(after(5, 10), store.lastSeq())).isNull();
            assertThat(recent.answer(new FetchQuery(FetchQuery.Mode.NEWEST, 0, 1), store.lastSeq()))
                    .isNull();
        }
    }

    @Test
    void aGapInWhatItIsGivenStartsItAnewSoItNeverAnswersAcrossTheGap() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH)) {
            recent.addAll(append(store, 10));
            append(store, 5);
            recent.addAll(append(store, 3));

            assertThat(recent.answer(after(12, 10), store.lastSeq())).isNull();
            EncodedPage newest = recent.answer(after(15, 10), store.lastSeq());
            assertThat(newest).isNotNull();
            assertSamePage(newest, store.encoded(after(15, 10)), after(15, 10));
        }
    }

    private static FetchQuery after(long seq, int limit) {
        return new FetchQuery(FetchQuery.Mode.AFTER_SEQ, seq, limit);
    }

    private static List<Message> append(MessageStore store, int count) {
        List<NewMessage> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new NewMessage(UUID.randomUUID().toString(), ALICE, "line " + i + " with \"quotes\" and 中文"));
        }
        return store.append(batch);
    }

    private static void assertSamePage(EncodedPage fromMemory, EncodedPage fromDatabase, FetchQuery query)
            throws Exception {
        assertThat(Json.mapper().readTree(fromMemory.fetchedReply(7)))
                .as(query.toString())
                .isEqualTo(Json.mapper().readTree(fromDatabase.fetchedReply(7)));
        assertThat(fromMemory.count()).as(query.toString()).isEqualTo(fromDatabase.count());
    }
}
