package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.groupchat.desktop.session.ConnectionState;
import org.groupchat.desktop.testing.RecordingConnection;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatTabViewModelTest {
    private static final User ME = new User("00000000-0000-0000-0000-000000000001", "Me");
    private static final User BOB = new User("00000000-0000-0000-0000-000000000002", "Bob");
    private final RecordingConnection connection = new RecordingConnection();
    private static final long NOW = Instant.parse("2026-12-06T12:00:00Z").toEpochMilli();
    private final ChatTabViewModel model = new ChatTabViewModel("Alpha", ME, ZoneOffset.UTC, () -> NOW);

    @BeforeEach
    void attach() {
        model.attach(connection);
    }

    @Test
    void anOwnerRemovingUsClosesTheTabWithTheReasonButAnotherMembersRemovalDoesNot() {
        List<String> removed = new ArrayList<>();
        model.setOnRemoved(removed::add);
        User eve = new User("00000000-0000-0000-0000-000000000003", "Eve");
        model.reports()
                .arrived(List.of(
                        new Message(4, "e-4", 40, eve, "Eve removed Bob", "kick", null, null, null, BOB.id(), null)));
        assertThat(removed).isEmpty();

        model.reports()
                .arrived(List.of(
                        new Message(5, "e-5", 50, eve, "Eve banned Me", "ban", null, null, null, ME.id(), null)));

        assertThat(removed).containsExactly("Eve banned you from Alpha.");
    }

    @Test
    void emptyDraftIsRefusedWithAReason() {
        model.draftProperty().set("   \n ");
        model.send();

        assertThat(model.refusalProperty().get()).contains("empty");
        assertThat(connection.sends).isEmpty();
        assertThat(model.lines()).isEmpty();
    }

    @Test
    void tooLongDraftIsRefusedAndKept() {
        String text = "é".repeat(Fields.MAX_TEXT_BYTES / 2 + 1);
        model.draftProperty().set(text);
        model.send();

        assertThat(model.refusalProperty().get()).contains("limit is " + Fields.MAX_TEXT_BYTES + " bytes");
        assertThat(model.draftProperty().get()).isEqualTo(text);
        assertThat(connection.sends).isEmpty();
    }

    @Test
    void editingTheDraftClearsTheRefusal() {
        model.send();
        model.draftProperty().set("h");

        assertThat(model.refusalProperty().get()).isEmpty();
    }

    @Test
    void escapeDismissesTheRefusalOfAnEditEmptiedAndCancelled() {
        model.reports().arrived(List.of(new Message(1, "m-1", NOW, ME, "hello")));
        assertThat(model.composer().editLast()).isTrue();
        model.draftProperty().set("");
        model.send();
        assertThat(model.refusalProperty().get()).contains("empty");

        assertThat(model.composer().cancel()).isTrue();

        assertThat(model.refusalProperty().get()).isEmpty();
        assertThat(connection.sends).isEmpty();
    }

    @Test
    void sentMessageShowsPendingThenSent() {
        model.draftProperty().set("  hello  ");
        model.send();

        assertThat(model.draftProperty().get()).isEmpty();
        assertThat(connection.sends)
                .singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("hello"));
        assertThat(model.lines())
                .singleElement()
                .satisfies(l -> assertThat(l.state()).isEqualTo(SendState.PENDING));

        String id = connection.sends.get(0).messageId();
        model.reports().sent(new Message(1, id, 50, ME, "hello"));
        model.reports().arrived(List.of(new Message(1, id, 50, ME, "hello")));

        assertThat(model.lines()).singleElement().satisfies(l -> {
            assertThat(l.state()).isEqualTo(SendState.SENT);
            assertThat(l.seq()).isEqualTo(1);
        });
        assertThat(model.unreadProperty().get()).isZero();
    }

    @Test
    void failedMessageIsRetriedWithTheSameId() {
        model.draftProperty().set("hello");
        model.send();
        String id = connection.sends.get(0).messageId();

        model.reports().sendFailed(id, "no reply from the group server");
        assertThat(model.lines().get(0).state()).isEqualTo(SendState.FAILED);
        assertThat(model.lines().get(0).problem()).contains("no reply");

        model.retry(id);
        assertThat(connection.sends)
                .extracting(RecordingConnection.Sent::messageId)
                .containsExactly(id, id);
        assertThat(model.lines().get(0).state()).isEqualTo(SendState.PENDING);
    }

    @Test
    void messagesFromOthersCountAsUnreadUntilTheTabIsSelected() {
        model.selectedProperty().set(false);
        model.reports().arrived(List.of(new Message(1, "a", 1, BOB, "one"), new Message(2, "b", 2, BOB, "two")));

        assertThat(model.titleProperty().get()).isEqualTo("Alpha (2)");

        model.selectedProperty().set(true);
        assertThat(model.titleProperty().get()).isEqualTo("Alpha");
    }

    @Test
    void unfocusedWindowCountsUnreadEvenOnTheSelectedTab() {
        model.selectedProperty().set(true);
        model.windowFocusedProperty().set(false);
        model.reports().arrived(List.of(new Message(1, "a", 1, BOB, "one")));
        assertThat(model.unreadProperty().get()).isEqualTo(1);

        model.windowFocusedProperty().set(true);
        assertThat(model.unreadProperty().get()).isZero();
    }

    @Test
    void loadSinceAsksForThePickedMomentInTheLocalZone() {
        model.history().sinceDateProperty().set(LocalDate.of(2026, 3, 4));
        model.history().sinceTimeProperty().set("10:15:30");
        model.history().loadSince();

        long expected = LocalDate.of(2026, 3, 4)
                .atTime(10, 15, 30)
                .atZone(ZoneId.of("UTC"))
                .toInstant()
                .toEpochMilli();
        assertThat(connection.since).containsExactly(expected);
    }

    @Test
    void messagesArrivingWhileTheUserReadsFurtherUpStayUnreadUntilTheViewReachesThem() {
        model.selectedProperty().set(true);
        model.followingProperty().set(false);
        model.reports().arrived(List.of(new Message(1, "a", 1, BOB, "one")));
        assertThat(model.titleProperty().get()).isEqualTo("Alpha (1)");

        model.followingProperty().set(true);
        assertThat(model.titleProperty().get()).isEqualTo("Alpha");
    }

    @Test
    void loadSinceRefusesAMomentStillToCome() {
        model.history().sinceDateProperty().set(LocalDate.of(2026, 12, 6));
        model.history().sinceTimeProperty().set("12:30");
        model.history().loadSince();

        assertThat(model.noticeProperty().get()).contains("still to come");
        assertThat(connection.since).isEmpty();
    }

    @Test
    void aLoadSinceThatFindsNothingSaysSoAndLeadsBackToTheLatest() {
        model.reports().newestPage(List.of(new Message(7, "a", 1, BOB, "old news")), true);
        model.history().sinceDateProperty().set(LocalDate.of(2026, 12, 6));
        model.history().sinceTimeProperty().set("11:00");
        model.history().loadSince();
        model.reports().sinceLoaded(List.of(), true);

        assertThat(model.lines()).isEmpty();
        assertThat(model.history().nothingSinceProperty().get()).isEqualTo("No messages since 6 Dec 2026 11:00.");

        model.history().backToLatest();
        assertThat(connection.latest).isEqualTo(1);
        model.reports().latestLoaded(List.of(new Message(7, "a", 1, BOB, "old news")), true);
        assertThat(model.history().nothingSinceProperty().get()).isEmpty();
        assertThat(model.lines()).extracting(ChatLine::text).containsExactly("old news");
    }

    @Test
    void loadSinceRefusesATimeThatDoesNotParse() {
        model.history().sinceDateProperty().set(LocalDate.of(2026, 3, 4));
        model.history().sinceTimeProperty().set("quarter past ten");
        model.history().loadSince();

        assertThat(model.noticeProperty().get()).contains("is not a time");
        assertThat(connection.since).isEmpty();
    }

    @Test
    void loadEarlierAsksForMessagesBeforeTheFirstShownOnlyOnce() {
        model.reports().newestPage(List.of(new Message(51, "x", 1, BOB, "x"), new Message(52, "y", 2, BOB, "y")), true);
        model.history().loadEarlier();
        model.history().loadEarlier();

        assertThat(connection.earlier).containsExactly(51L);

        model.reports().earlierLoaded(List.of(new Message(50, "w", 0, BOB, "w")), false);
        assertThat(model.lines()).extracting(ChatLine::seq).containsExactly(50L, 51L, 52L);
        assertThat(model.history().hasEarlierProperty().get()).isFalse();
    }

    @Test
    void membersAreListedOnlineFirst() {
        model.reports()
                .membersChanged(List.of(
                        new Member("1", "zed", true), new Member("2", "Amy", false), new Member("3", "bob", true)));

        assertThat(model.members()).extracting(Member::name).containsExactly("bob", "zed", "Amy");
    }

    @Test
    void cutOffFromTheGroupNobodyIsShownOnline() {
        model.reports().membersChanged(List.of(new Member("1", "zed", true), new Member("2", "Amy", true)));

        model.reports().connectionChanged(ConnectionState.OFFLINE, "no reply");

        assertThat(model.members()).extracting(Member::online).containsOnly(false);
    }

    @Test
    void connectionStateIsShown() {
        assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        model.reports().connectionChanged(ConnectionState.RECONNECTING, "tcp://x:1");
        assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.RECONNECTING);
    }
}
