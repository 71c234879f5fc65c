package org.groupchat.desktop.chat;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groupchat.desktop.session.ConnectionState;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.desktop.session.SessionListener;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.security.PublicKeys;

/**
 * The state of one group's tab: messages, draft, members, connection, security and unread count; where it stands in
 * the history is its {@link HistoryNavigation}'s.
 * Receives its session's reports as a {@link SessionListener}; used on the UI thread only.
 */
public final class ChatTabViewModel implements SessionListener {
    private static final long MOVED_SHOWN_MS = 5_000;
    private final String groupName;
    private final User me;
    private final ZoneId zone;
    private final LongSupplier clock;
    private final Conversation conversation;
    private final ObservableList<Member> members = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty("");
    private final StringProperty refusal = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty serverFingerprint = new SimpleStringProperty("");
    private final StringProperty handshakeProblem = new SimpleStringProperty("");
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final ObservableStringValue title;
    private final HistoryNavigation history;
    private GroupConnection session;
    private String moved;
    private long movedAt;
    private Consumer<ChatLine> onIncoming = line -> { };

    public ChatTabViewModel(String groupName, User me, ZoneId zone, LongSupplier clock) {
        this.groupName = groupName;
        this.me = me;
        this.zone = zone;
        this.clock = clock;
        this.conversation = new Conversation(me.id());
        this.history = new HistoryNavigation(conversation, () -> session, notice, zone, clock);
        this.title = Bindings.createStringBinding(
                () -> unread.get() == 0 ? groupName : groupName + " (" + unread.get() + ")", unread);
        // a message counts as read once it was on screen: tab selected, window focused, view at the latest
        selected.addListener((obs, was, now) -> clearUnreadIfSeen());
        windowFocused.addListener((obs, was, now) -> clearUnreadIfSeen());
        following.addListener((obs, was, now) -> clearUnreadIfSeen());
        draft.addListener((obs, was, now) -> refusal.set(""));
    }

    /** Connects this tab to the session that feeds it. */
    public void attach(GroupConnection connection) {
        this.session = connection;
    }

    /** Called for each new message from someone else while this tab is not in view (for a notification). */
    public void setOnIncoming(Consumer<ChatLine> handler) {
        this.onIncoming = handler;
    }

    public String groupName() {
        return groupName;
    }

    public User me() {
        return me;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Sends the draft, or explains in {@link #refusalProperty()} why not. */
    public void send() {
        String reason = DraftCheck.refusal(draft.get());
        if (reason != null) {
            refusal.set(reason);
            return;
        }
        String text = draft.get().strip();
        ChatLine line = ChatLine.pending(UUID.randomUUID().toString(), me, text, clock.getAsLong());
        conversation.addPending(line);
        draft.set("");
        session.send(line.id(), line.text());
    }

    /** Sends a failed message again with the same id, so the server can never store it twice. */
    public void retry(String messageId) {
        ChatLine line = conversation.retry(messageId);
        if (line != null) {
            session.send(line.id(), line.text());
        }
    }

    /** Follows the group to its new address or key, e.g. after its server restarted on another port. */
    public void retarget(String endpoint, String serverKey) {
        showServerKey(serverKey);
        moved = groupName + " moved to " + endpoint + "; the conversation goes on there.";
        movedAt = clock.getAsLong();
        notice.set(moved);
        session.retarget(endpoint, serverKey);
    }

    /** The "moved to" line stays until the group answers at its new address, and long enough to be read. */
    private void answeredAfterMove() {
        if (moved == null || clock.getAsLong() - movedAt < MOVED_SHOWN_MS) {
            return;
        }
        if (moved.equals(notice.get())) {
            notice.set("");
        }
        moved = null;
    }

    /** The group server's public key, or null for a group without security. */
    public void showServerKey(String serverKey) {
        serverFingerprint.set(serverKey == null ? "" : PublicKeys.fingerprint(serverKey));
    }

    public void leave() {
        session.leave();
    }

    public void close() {
        session.close();
    }

    /** "Load earlier", "load since" and the way back to the latest messages. */
    public HistoryNavigation history() {
        return history;
    }

    @Override
    public void newestPage(List<Message> messages, boolean earlier) {
        history.newestPage(messages, earlier);
    }

    @Override
    public void arrived(List<Message> messages) {
        for (Message message : conversation.addStored(messages)) {
            if (!message.sender().id().equals(me.id()) && !inView()) {
                unread.set(unread.get() + 1);
                onIncoming.accept(ChatLine.stored(message, false));
            }
        }
    }

    @Override
    public void sent(Message message) {
        conversation.addStored(message);
    }

    @Override
    public void sendFailed(String messageId, String reason) {
        conversation.markFailed(messageId, reason);
    }

    @Override
    public void historyReplaced() {
        history.replaced();
        notice.set(groupName + "'s history was restored from a backup, so it is shown afresh; messages sent since"
                + " that backup may be gone.");
    }

    @Override
    public void earlierLoaded(List<Message> messages, boolean earlier) {
        history.earlierLoaded(messages, earlier);
    }

    @Override
    public void sinceLoaded(List<Message> messages, boolean earlier) {
        history.sinceLoaded(messages, earlier);
    }

    @Override
    public void latestLoaded(List<Message> messages, boolean earlier) {
        history.latestLoaded(messages, earlier);
    }

    @Override
    public void membersChanged(List<Member> list) {
        answeredAfterMove();
        members.setAll(list.stream()
                .sorted((a, b) -> a.online() == b.online() ? a.name().compareToIgnoreCase(b.name()) : a.online() ? -1 : 1)
                .toList());
    }

    @Override
    public void connectionChanged(ConnectionState state, String detail) {
        connection.set(state);
        if (state == ConnectionState.OFFLINE) {
            // cut off from the group, we cannot know who is online: nobody is shown online until it answers again
            members.setAll(members.stream().map(m -> new Member(m.id(), m.name(), false)).toList());
        }
    }

    @Override
    public void handshakeRefused(String reason) {
        handshakeProblem.set(reason == null ? "" : reason);
    }

    @Override
    public void problem(String message) {
        history.failed();
        notice.set(message);
    }

    private void clearUnreadIfSeen() {
        if (inView()) {
            unread.set(0);
        }
    }

    private boolean inView() {
        return selected.get() && windowFocused.get() && following.get();
    }

    public ObservableList<ChatLine> lines() {
        return conversation.lines();
    }

    public ObservableList<Member> members() {
        return members;
    }

    public ObservableStringValue titleProperty() {
        return title;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public StringProperty refusalProperty() {
        return refusal;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    /** The group server's key fingerprint, "" for a group without security. */
    public StringProperty serverFingerprintProperty() {
        return serverFingerprint;
    }

    /** Why the group server refused our handshake, "" while it does not. */
    public StringProperty handshakeProblemProperty() {
        return handshakeProblem;
    }

    public IntegerProperty unreadProperty() {
        return unread;
    }

    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** Whether the view shows the latest message (set by the view as the user scrolls). */
    public BooleanProperty followingProperty() {
        return following;
    }
}
