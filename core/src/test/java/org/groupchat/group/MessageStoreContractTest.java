package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestDatabase;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every store's own promises: exactly-once by id, gap-free seq, members that outlive a reopen. */
class MessageStoreContractTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");
    private static final User BOB = new User(UUID.randomUUID().toString(), "Bob");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void theHistoryIdOutlivesAReopenAndARestoreReplacesIt(TestStore kind) {
        kind.reset();
        String before;
        try (MessageStore store = kind.open("Cool Group", dir)) {
            before = store.historyId();
            assertThat(before).isNotBlank().matches("[0-9a-f]{32}");
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "kept")));
        }
        Path copy = dir.resolve("backup.db");
        if (kind == TestStore.SQLITE) {
            GroupBackup.backup(dir.resolve("group.db"), copy);
        }
        try (MessageStore store = kind.open("Cool Group", dir)) {
            assertThat(store.historyId()).isEqualTo(before);
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "lost with the restore")));
        }
        if (kind == TestStore.SQLITE) {
            assertThat(GroupBackup.restore(copy, dir.resolve("group.db"))).isNotEqualTo(before);
        } else {
            assertThat(TestDatabase.configured().renewHistoryIds()).isEqualTo(1);
        }
        try (MessageStore store = kind.open("Cool Group", dir)) {
            assertThat(store.historyId()).isNotBlank().isNotEqualTo(before);
            if (kind == TestStore.SQLITE) {
                assertThat(store.after(0, 10).messages())
                        .extracting(Message::text)
                        .containsExactly("kept");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void anIdAlreadyStoredIsAnsweredWithTheStoredMessageAndTakesNoSeq(TestStore kind) {
        kind.reset();
        String first = UUID.randomUUID().toString();
        String twice = UUID.randomUUID().toString();
        try (MessageStore store = kind.open("Cool Group", dir)) {
            store.append(List.of(new NewMessage(first, ALICE, "original")));
            List<Message> stored = store.append(List.of(
                    new NewMessage(UUID.randomUUID().toString(), ALICE, "second"),
                    new NewMessage(first, ALICE, "a retry with other text"),
                    new NewMessage(twice, ALICE, "third"),
                    new NewMessage(twice, ALICE, "third, repeated in the same batch")));
            assertThat(stored).extracting(Message::seq).containsExactly(2L, 1L, 3L, 3L);
            assertThat(stored.get(1).text()).isEqualTo("original");
            assertThat(stored.get(3).text()).isEqualTo("third");
            assertThat(store.lastSeq()).isEqualTo(3);
        }
        try (MessageStore store = kind.open("Cool Group", dir)) {
            assertThat(store.lastSeq()).isEqualTo(3);
            assertThat(store.after(0, 10).messages()).extracting(Message::seq).containsExactly(1L, 2L, 3L);
            assertThat(store.findById(first)).get().extracting(Message::text).isEqualTo("original");
            assertThat(store.append(List.of(new NewMessage(UUID.randomUUID().toString(), BOB, "fourth"))))
                    .extracting(Message::seq)
                    .containsExactly(4L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void pagesGoForwardByTimeAndBackwardBySeq(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open("Cool Group", dir)) {
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 1; i <= 25; i++) {
                batch.add(new NewMessage(UUID.randomUUID().toString(), i % 2 == 0 ? BOB : ALICE, "message " + i));
            }
            store.append(batch.subList(0, 10));
            store.append(batch.subList(10, 25));
            assertThat(store.before(11, 4).messages()).extracting(Message::seq).containsExactly(7L, 8L, 9L, 10L);
            assertThat(store.before(11, 4).more()).isTrue();
            assertThat(store.before(3, 10).more()).isFalse();
            assertThat(store.newest(3).messages()).extracting(Message::seq).containsExactly(23L, 24L, 25L);
            long ts = store.after(10, 1).messages().get(0).ts();
            assertThat(store.since(ts, 100).messages().get(0).seq()).isLessThanOrEqualTo(11L);
            assertThat(store.after(20, 100).messages())
                    .extracting(Message::seq)
                    .containsExactly(21L, 22L, 23L, 24L, 25L);
            assertThat(store.after(20, 100).more()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void membersAndTheirNamesOutliveAReopenAndLeavingForgetsThem(TestStore kind) {
        kind.reset();
        try (MessageStore store = kind.open("Cool Group", dir)) {
            store.putMember(ALICE);
            store.putMember(BOB);
            store.putMember(new User(BOB.id(), "Robert"));
            assertThat(store.removeMember(ALICE.id())).isTrue();
            assertThat(store.removeMember(ALICE.id())).isFalse();
        }
        try (MessageStore store = kind.open("Cool Group", dir)) {
            assertThat(store.member(ALICE.id())).isEmpty();
            assertThat(store.member(BOB.id())).contains(new User(BOB.id(), "Robert"));
            assertThat(store.memberCount()).isEqualTo(1);
            assertThat(store.members()).containsExactly(new User(BOB.id(), "Robert"));
        }
    }
}
