package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.ListChangeListener;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final User ME = new User("00000000-0000-0000-0000-000000000001", "Me");
    private static final User BOB = new User("00000000-0000-0000-0000-000000000002", "Bob");
    private final Conversation conversation = new Conversation(ME.id());

    private static Message message(long seq, String id, User sender) {
        return new Message(seq, id, 1_000 * seq, sender, "text " + seq);
    }

    @Test
    void storedMessagesAreOrderedBySeqWhateverTheArrivalOrder() {
        conversation.addStored(List.of(message(5, "e", BOB), message(2, "b", BOB)));
        conversation.addStored(message(3, "c", BOB));
        conversation.addStored(List.of(message(1, "a", BOB), message(4, "d", BOB)));

        assertThat(conversation.lines()).extracting(ChatLine::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aMessageSeenTwiceIsShownOnce() {
        assertThat(conversation.addStored(message(1, "a", BOB))).isTrue();
        assertThat(conversation.addStored(message(1, "a", BOB))).isFalse();

        assertThat(conversation.lines()).hasSize(1);
    }

    @Test
    void pendingMessageStaysLastThenTakesItsStoredPlace() {
        conversation.addStored(message(1, "a", BOB));
        conversation.addPending(ChatLine.pending("mine", ME, "hello", 5));
        conversation.addStored(message(2, "b", BOB));

        assertThat(conversation.lines()).extracting(ChatLine::id).containsExactly("a", "b", "mine");

        conversation.addStored(new Message(3, "mine", 9, ME, "hello"));
        assertThat(conversation.lines()).extracting(ChatLine::id).containsExactly("a", "b", "mine");
        assertThat(conversation.lines().get(2).state()).isEqualTo(SendState.SENT);
        assertThat(conversation.lines().get(2).own()).isTrue();
    }

    private static Message fileEvent(long seq, User sender, FileInfo file) {
        return new Message(
                seq,
                file.id(),
                1_000 * seq,
                sender,
                "shared a file: " + file.name(),
                "file",
                null,
                null,
                null,
                null,
                null,
                file);
    }

    @Test
    void ourUploadTakesItsStoredPlaceAsAFileRowOnceTheFileEventArrives() {
        FileInfo uploading = new FileInfo("f-1", "report.pdf", 1_200, null, "application/pdf");
        conversation.addPending(ChatLine.uploading(uploading, ME, "shared a file: report.pdf (1.2 kB)", 5));
        FileInfo stored = new FileInfo("f-1", "report.pdf", 1_200, "ab".repeat(32), "application/pdf");

        conversation.addStored(fileEvent(7, ME, stored));

        assertThat(conversation.lines()).hasSize(1);
        ChatLine row = conversation.lines().get(0);
        assertThat(row.seq()).isEqualTo(7);
        assertThat(row.state()).isEqualTo(SendState.SENT);
        assertThat(row.file()).isEqualTo(stored);
        assertThat(row.folded().notice()).isFalse();
    }

    @Test
    void aFileEventWhoseHashIsNotAHashIsANoticeWithoutAFile() {
        FileInfo hostile = new FileInfo("f-2", "x.png", 10, "../../../../home/me/.bashrc", "image/png");

        conversation.addStored(fileEvent(3, BOB, hostile));

        ChatLine row = conversation.lines().get(0);
        assertThat(row.file()).isNull();
        assertThat(row.folded().notice()).isTrue();
        assertThat(row.text()).isEqualTo("shared a file: x.png");
    }

    @Test
    void aMessageCarryingAFileFieldIsStillATextMessage() {
        FileInfo smuggled = new FileInfo("f-3", "x.png", 10, "ab".repeat(32), "image/png");
        conversation.addStored(new Message(4, "m-4", 4_000, BOB, "hi", null, null, null, null, null, null, smuggled));

        assertThat(conversation.lines().get(0).file()).isNull();
    }

    @Test
    void failedMessageCanBeRetriedWithItsId() {
        conversation.addPending(ChatLine.pending("mine", ME, "hello", 5));
        conversation.markFailed("mine", "no reply");

        assertThat(conversation.lines().get(0).state()).isEqualTo(SendState.FAILED);
        ChatLine again = conversation.retry("mine");
        assertThat(again.id()).isEqualTo("mine");
        assertThat(conversation.lines().get(0).state()).isEqualTo(SendState.PENDING);
    }

    @Test
    void replacingStoredMessagesKeepsUnsentOnes() {
        conversation.addStored(List.of(message(1, "a", BOB), message(2, "b", BOB)));
        conversation.addPending(ChatLine.pending("mine", ME, "hello", 5));

        conversation.replaceStored(List.of(message(7, "g", BOB)));

        assertThat(conversation.lines()).extracting(ChatLine::id).containsExactly("g", "mine");
        assertThat(conversation.firstSeq()).isEqualTo(7);
    }

    @Test
    void aPageArrivesAsOneChangeOfTheList() {
        conversation.addStored(List.of(message(11, "k", BOB), message(12, "l", BOB)));
        int[] changes = new int[1];
        conversation.lines().addListener((ListChangeListener<ChatLine>) c -> changes[0]++);

        conversation.addStored(List.of(message(8, "h", BOB), message(9, "i", BOB), message(10, "j", BOB)));
        conversation.addStored(List.of(message(13, "m", BOB), message(14, "n", BOB)));

        assertThat(changes[0]).isEqualTo(2);
        assertThat(conversation.lines()).extracting(ChatLine::seq).containsExactly(8L, 9L, 10L, 11L, 12L, 13L, 14L);
    }
}
