package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;

/** The log's events shown as a reader expects: folded into the message they are about, in any arrival order. */
class EventFoldingTest {
    private static final User ME = new User("00000000-0000-0000-0000-000000000001", "Me");
    private static final User BOB = new User("00000000-0000-0000-0000-000000000002", "Bob");
    private static final User EVE = new User("00000000-0000-0000-0000-000000000003", "Eve");
    private final Conversation conversation = new Conversation(ME.id());

    private static Message message(long seq, User sender, String text) {
        return new Message(seq, "m-" + seq, 1_000 * seq, sender, text);
    }

    private static Message event(long seq, User sender, String kind, long target, String text, String emoji) {
        return new Message(seq, "e-" + seq, 1_000 * seq, sender, text, kind, null, target, emoji, null, null);
    }

    private ChatLine row(long seq) {
        return conversation.lineAt(seq);
    }

    @Test
    void anEditShowsTheNewTextMarkedEditedAndIsNoRowOfItsOwn() {
        conversation.addStored(List.of(message(1, BOB, "helo"), event(2, BOB, "edit", 1, "hello", null)));

        assertThat(conversation.lines()).hasSize(1);
        assertThat(row(1).text()).isEqualTo("hello");
        assertThat(row(1).folded().edited()).isTrue();
    }

    @Test
    void theLatestEditWinsAndOnlyTheAuthorsEditsCount() {
        conversation.addStored(List.of(
                message(1, BOB, "one"),
                event(2, BOB, "edit", 1, "two", null),
                event(3, EVE, "edit", 1, "forged", null),
                event(4, BOB, "edit", 1, "three", null)));

        assertThat(row(1).text()).isEqualTo("three");
    }

    @Test
    void eventsSeenBeforeTheirMessageIsLoadedApplyWhenItArrives() {
        conversation.addStored(
                List.of(event(10, BOB, "edit", 3, "fixed", null), event(11, EVE, "reaction", 3, "reacted 👍", "👍")));
        assertThat(conversation.lines()).isEmpty();

        conversation.addStored(List.of(message(3, BOB, "fixd")));

        assertThat(row(3).text()).isEqualTo("fixed");
        assertThat(row(3).folded().reactions())
                .singleElement()
                .satisfies(r -> assertThat(r.who()).extracting(User::name).containsExactly("Eve"));
    }

    @Test
    void reactionsAreASetPerEmojiAndCanBeTakenBack() {
        conversation.addStored(List.of(
                message(1, BOB, "party"),
                event(2, ME, "reaction", 1, "reacted 🎉", "🎉"),
                event(3, EVE, "reaction", 1, "reacted 🎉", "🎉"),
                event(4, EVE, "reaction", 1, "reacted 🎉", "🎉"),
                event(5, ME, "reaction", 1, "reacted 👍", "👍"),
                event(6, ME, "unreaction", 1, "took back 👍", "👍")));

        assertThat(row(1).folded().reactions()).singleElement().satisfies(r -> {
            assertThat(r.emoji()).isEqualTo("🎉");
            assertThat(r.who()).extracting(User::name).containsExactly("Me", "Eve");
            assertThat(r.by(ME.id())).isTrue();
        });
    }

    @Test
    void aDeletionByTheAuthorEndsTheMessageButOneByAnotherIsIgnored() {
        conversation.addStored(List.of(
                message(1, BOB, "oops"),
                message(2, BOB, "keep"),
                event(3, BOB, "delete", 1, "(message deleted)", null),
                event(4, EVE, "delete", 2, "(message deleted)", null)));

        assertThat(row(1).gone()).isTrue();
        assertThat(row(1).text()).isEmpty();
        assertThat(row(2).gone()).isFalse();
    }

    @Test
    void anOwnersRemovalSaysSo() {
        conversation.addStored(List.of(message(1, BOB, "spam"), event(2, EVE, "remove", 1, "(removed)", null)));

        assertThat(row(1).folded().gone()).isEqualTo(EventFolding.REMOVED);
    }

    @Test
    void aReplyQuotesItsOriginalAndFollowsItsEdits() {
        Message reply = new Message(3, "m-3", 3_000, ME, "yes", null, 1L, null, null, null, null);
        conversation.addStored(List.of(message(1, BOB, "lunch?\nat noon"), message(2, EVE, "hm"), reply));

        assertThat(row(3).folded().quote()).isEqualTo(new ChatLine.Quote(1, "Bob", "lunch?", false));

        conversation.addStored(event(4, BOB, "edit", 1, "dinner?", null));
        assertThat(row(3).folded().quote().firstLine()).isEqualTo("dinner?");
    }

    @Test
    void aReplyToAMessageNotLoadedQuotesItOnceEarlierHistoryBringsIt() {
        conversation.addStored(new Message(20, "m-20", 20_000, ME, "agreed", null, 5L, null, null, null, null));
        assertThat(row(20).folded().quote().author()).isNull();

        conversation.addStored(List.of(message(5, BOB, "plan A")));

        assertThat(row(20).folded().quote()).isEqualTo(new ChatLine.Quote(5, "Bob", "plan A", false));
    }

    @Test
    void aQuotedMessageNotLoadedIsAskedForOnceAndQuotedWhenItComes() {
        List<Long> asked = new ArrayList<>();
        conversation.onQuoteMissing(asked::add);

        conversation.addStored(List.of(
                message(5, BOB, "plan A"),
                new Message(6, "m-6", 6_000, ME, "agreed", null, 5L, null, null, null, null),
                new Message(20, "m-20", 20_000, ME, "still agreed", null, 2L, null, null, null, null),
                new Message(21, "m-21", 21_000, EVE, "me too", null, 2L, null, null, null, null)));
        assertThat(asked).containsExactly(2L);

        conversation.addQuoted(List.of(message(2, EVE, "plan B?\nor C")));

        assertThat(row(20).folded().quote()).isEqualTo(new ChatLine.Quote(2, "Eve", "plan B?", false));
        assertThat(row(21).folded().quote()).isEqualTo(new ChatLine.Quote(2, "Eve", "plan B?", false));
        assertThat(conversation.lines()).extracting(ChatLine::seq).containsExactly(5L, 6L, 20L, 21L);
        assertThat(asked).containsExactly(2L);
    }

    @Test
    void moderationAndUnknownKindsAreNoticeRows() {
        conversation.addStored(List.of(
                message(1, BOB, "hi"),
                new Message(2, "e-2", 2_000, EVE, "banned Bob", "ban", null, null, null, BOB.id(), null),
                new Message(3, "e-3", 3_000, EVE, "pinned a message", "pin", null, 1L, null, null, null)));

        assertThat(conversation.lines()).extracting(l -> l.folded().notice()).containsExactly(false, true, true);
        assertThat(conversation.lines().get(2).text()).isEqualTo("pinned a message");
    }

    @Test
    void upArrowFindsOurNewestMessageThatIsStillThere() {
        conversation.addStored(List.of(
                message(1, ME, "first"),
                message(2, ME, "second"),
                message(3, BOB, "x"),
                event(4, ME, "delete", 2, "(message deleted)", null)));

        assertThat(conversation.lastOwnMessage().seq()).isEqualTo(1);
    }
}
