package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every store's full-text search: words, prefixes, case and diacritics, paging, a message's current state, hostile input. */
class MessageSearchContractTest {
    private static final String GROUP = "Cool Group";
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");
    private static final User BOB = new User(UUID.randomUUID().toString(), "Bob");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyWordMustMatchWhateverItsCaseAndDiacriticsAndTheLastAlsoAsAPrefix(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open(GROUP, dir)) {
            append(
                    store,
                    "Café au lait at noon",
                    "The CAFE is closed",
                    "lunch at noon",
                    "Noonday sun, see https://example.com/menu");
            assertThat(seqs(store, "cafe")).containsExactly(2L, 1L);
            assertThat(seqs(store, "CAFÉ")).containsExactly(2L, 1L);
            assertThat(seqs(store, "café noon")).containsExactly(1L);
            assertThat(seqs(store, "noon")).containsExactly(4L, 3L, 1L);
            assertThat(seqs(store, "caf")).containsExactly(2L, 1L);
            assertThat(seqs(store, "example menu")).containsExactly(4L);
            assertThat(seqs(store, "cafe lunch")).isEmpty();
            assertThat(seqs(store, "noo lunch"))
                    .as("only the last word is a prefix")
                    .isEmpty();
            Message hit =
                    store.search(query("lunch", Long.MAX_VALUE, 20)).messages().get(0);
            assertThat(hit.text()).isEqualTo("lunch at noon");
            assertThat(hit.sender()).isEqualTo(ALICE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void pagesGoToOlderHitsBelowBeforeSeqAndSayWhetherMoreExist(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open(GROUP, dir)) {
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                texts.add(i % 2 == 0 ? "a needle in the haystack " + i : "only hay " + i);
            }
            append(store, texts.toArray(String[]::new));
            Page first = store.search(query("needle", Long.MAX_VALUE, 10));
            assertThat(first.messages())
                    .extracting(Message::seq)
                    .containsExactly(50L, 48L, 46L, 44L, 42L, 40L, 38L, 36L, 34L, 32L);
            assertThat(first.more()).isTrue();
            Page second = store.search(query("needle", 32, 10));
            assertThat(second.messages())
                    .extracting(Message::seq)
                    .startsWith(30L)
                    .endsWith(12L)
                    .hasSize(10);
            assertThat(second.more()).isTrue();
            Page last = store.search(query("needle", 12, 10));
            assertThat(last.messages()).extracting(Message::seq).containsExactly(10L, 8L, 6L, 4L, 2L);
            assertThat(last.more()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void aHitIsTheMessageAsItIsNowEditedTextAtItsOwnSeqAndNeverOnceDeletedOrRemoved(TestStore kind) {
        kind.reset();
        List<Message> messages;
        try (MessageStore store = kind.open(GROUP, dir)) {
            messages = append(
                    store, "an original typo", "keep me around", "to be deleted soon", "to be removed by an owner");
        }
        LogRows.event(kind, dir, GROUP, 5, "edit", 1, ALICE, "first fix");
        LogRows.event(kind, dir, GROUP, 6, "edit", 1, ALICE, "final words");
        LogRows.event(kind, dir, GROUP, 7, "delete", 3, ALICE, "message deleted");
        LogRows.event(kind, dir, GROUP, 8, "remove", 4, BOB, "message removed by an owner");
        LogRows.event(kind, dir, GROUP, 9, "reaction", 2, BOB, "Bob reacted 👍 to keep me around");
        LogRows.event(kind, dir, GROUP, 10, "edit", 3, ALICE, "edited after its deletion");
        try (MessageStore store = kind.open(GROUP, dir)) {
            assertThat(seqs(store, "typo"))
                    .as("matched only by its latest text")
                    .isEmpty();
            assertThat(seqs(store, "first fix")).isEmpty();
            Message edited =
                    store.search(query("final", Long.MAX_VALUE, 20)).messages().get(0);
            assertThat(edited)
                    .isEqualTo(
                            new Message(1, messages.get(0).id(), messages.get(0).ts(), ALICE, "final words"));
            assertThat(seqs(store, "deleted")).isEmpty();
            assertThat(seqs(store, "removed owner")).isEmpty();
            assertThat(seqs(store, "keep")).containsExactly(2L);
            assertThat(seqs(store, "message")).isEmpty();
            assertThat(store.search(query("final", 1, 20)).messages())
                    .as("paged by the message's seq")
                    .isEmpty();
            assertThat(store.search(query("final", 2, 20)).messages()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void messagesDroppedByRetentionAreNoLongerFound(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open(GROUP, dir)) {
            append(store, "old news one", "old news two", "old news three");
            assertThat(store.dropOlderThan(System.currentTimeMillis() + 60_000, 100))
                    .isEqualTo(2);
            assertThat(seqs(store, "news")).containsExactly(3L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyStoredMessageIsFoundWhetherTheIndexTookItInAfterAnAppendOrAtTheSearch(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open(GROUP, dir)) {
            for (int i = 1; i <= 300; i++) {
                append(store, "one by one " + i);
            }
            assertThat(store.search(query("one", Long.MAX_VALUE, 100)).messages())
                    .hasSize(100)
                    .first()
                    .extracting(Message::seq)
                    .isEqualTo(300L);
            assertThat(seqs(store, "257")).containsExactly(257L);
            assertThat(seqs(store, "300")).containsExactly(300L);
        }
        try (MessageStore store = kind.open(GROUP, dir)) {
            assertThat(seqs(store, "299")).as("after a reopen").containsExactly(299L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void hitsAmongTheNewestMessagesAndFarOlderOnesComeNewestFirstAndEveryOneIsReachedByPaging(TestStore kind) {
        kind.reset();
        int messages =
                12_000; // over twice the newest rows the PostgreSQL store reads one by one before asking its GIN index
        Set<Integer> needles = Set.of(7, 1_500, 1_501, 6_000, 11_999);
        try (MessageStore store = kind.open(GROUP, dir)) {
            for (int first = 1; first <= messages; first += 1_000) {
                String[] texts = new String[1_000];
                for (int i = first; i < first + 1_000; i++) {
                    texts[i - first] =
                            (needles.contains(i) ? "a needle " : "hay ") + (i % 250 == 0 ? "haystack " : "") + i;
                }
                append(store, texts);
            }
            assertThat(seqs(store, "needle")).containsExactly(11_999L, 6_000L, 1_501L, 1_500L, 7L);
            List<Long> paged = new ArrayList<>();
            long before = Long.MAX_VALUE;
            for (Page page = null; page == null || page.more(); before = paged.get(paged.size() - 1)) {
                page = store.search(query("haystack", before, 10));
                assertThat(page.messages()).hasSizeBetween(1, 10);
                page.messages().forEach(m -> paged.add(m.seq()));
            }
            assertThat(paged)
                    .hasSize(messages / 250)
                    .doesNotHaveDuplicates()
                    .isSortedAccordingTo(Comparator.reverseOrder())
                    .startsWith(12_000L, 11_750L)
                    .endsWith(500L, 250L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void queryOperatorsAndHostileTextAreSearchedAsWordsNeverAsSyntax(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open(GROUP, dir)) {
            append(store, "AND NEAR OR NOT", "text column star", "it's a quote: \"hi\"");
            assertThat(seqs(store, "NEAR(and or)")).containsExactly(1L);
            assertThat(seqs(store, "text:column")).containsExactly(2L);
            assertThat(seqs(store, "\"it's")).containsExactly(3L);
            for (String hostile : List.of(
                    "\"",
                    "\"unbalanced",
                    "*",
                    "**",
                    "NEAR",
                    "a AND",
                    "AND",
                    "(x OR y",
                    ")",
                    "^",
                    "-",
                    "!",
                    "&|",
                    ":*",
                    "'",
                    "\\",
                    "foo\u0000bar",
                    "\u0000",
                    "{col1 col2}:x",
                    "x'; DROP TABLE messages; --",
                    "NOT",
                    "text:",
                    "\u0301",
                    "😀",
                    "x".repeat(10_000),
                    "word ".repeat(2_000))) {
                Page page = store.search(query(hostile, Long.MAX_VALUE, 20));
                assertThat(page.messages())
                        .as(hostile.length() > 50 ? hostile.substring(0, 50) : hostile)
                        .hasSizeLessThan(4);
            }
            assertThat(seqs(store, "*")).isEmpty();
            assertThat(seqs(store, "NOT")).containsExactly(1L);
            assertThat(store.after(0, 10).messages()).hasSize(3);
        }
    }

    private static List<Message> append(MessageStore store, String... texts) {
        List<NewMessage> batch = new ArrayList<>();
        for (String text : texts) {
            batch.add(new NewMessage(UUID.randomUUID().toString(), ALICE, text));
        }
        return store.append(batch);
    }

    private static SearchQuery query(String text, long beforeSeq, int limit) {
        return new SearchQuery(SearchQuery.wordsOf(text), beforeSeq, limit);
    }

    private static List<Long> seqs(MessageStore store, String text) {
        return store.search(query(text, Long.MAX_VALUE, 100)).messages().stream()
                .map(Message::seq)
                .toList();
    }
}
