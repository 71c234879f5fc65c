package org.groupchat.desktop.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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
 * The state of one group's tab: messages, draft, members, connection, security, unread count and "load since".
 * Receives its session's reports as a {@link SessionListener}; used on the UI thread only.
 */
public final class ChatTabViewModel implements SessionListener {
    private static final DateTimeFormatter TIME_SHOWN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
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
    private final BooleanProperty hasEarlier = new SimpleBooleanProperty();
    private final BooleanProperty loadingEarlier = new SimpleBooleanProperty();
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final StringProperty nothingSince = new SimpleStringProperty("");
    private final IntegerProperty sinceShown = new SimpleIntegerProperty();
    private final IntegerProperty latestShown = new SimpleIntegerProperty();
    private final ObjectProperty<LocalDate> sinceDate = new SimpleObjectProperty<>();
    private final StringProperty sinceTime = new SimpleStringProperty("");
    private final ObservableStringValue title;
    private GroupConnection session;
    private long shownFrom = Long.MIN_VALUE;
    private long requestedSince = Long.MIN_VALUE;
    private Consumer<ChatLine> onIncoming = line -> { };

    public ChatTabViewModel(String groupName, User me, ZoneId zone, LongSupplier clock) {
        this.groupName = groupName;
        this.me = me;
        this.zone = zone;
        this.clock = clock;
        this.conversation = new Conversation(me.id());
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

    public void loadEarlier() {
        long first = conversation.firstSeq();
        if (hasEarlier.get() && !loadingEarlier.get() && first > 1) {
            loadingEarlier.set(true);
            session.loadEarlier(first);
        }
    }

    /** Shows exactly the messages from the picked date and time on. */
    public void loadSince() {
        if (sinceDate.get() == null) {
            notice.set("Pick a date to load messages since.");
            return;
        }
        LocalTime time;
        try {
            String text = sinceTime.get() == null ? "" : sinceTime.get().strip();
            time = text.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            notice.set("\"" + sinceTime.get() + "\" is not a time; write it like 14:30 or 14:30:15.");
            return;
        }
        long since = sinceDate.get().atTime(time).atZone(zone).toInstant().toEpochMilli();
        if (since > clock.getAsLong()) {
            notice.set("That moment is still to come; pick a date and time up to now.");
            return;
        }
        notice.set("");
        requestedSince = since;
        session.loadSince(requestedSince);
    }

    /** Shows the newest messages again after "load since". */
    public void backToLatest() {
        nothingSince.set("");
        session.loadLatest();
    }

    /** Follows the group to its new address or key, e.g. after its server restarted on another port. */
    public void retarget(String endpoint, String serverKey) {
        showServerKey(serverKey);
        session.retarget(endpoint, serverKey);
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

    @Override
    public void newestPage(List<Message> messages, boolean earlier) {
        conversation.addStored(messages.stream().filter(m -> m.ts() >= shownFrom).toList());
        hasEarlier.set(earlier);
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
    public void earlierLoaded(List<Message> messages, boolean earlier) {
        loadingEarlier.set(false);
        conversation.addStored(messages);
        hasEarlier.set(earlier);
    }

    @Override
    public void sinceLoaded(List<Message> messages, boolean earlier) {
        shownFrom = requestedSince;
        conversation.replaceStored(messages);
        hasEarlier.set(earlier);
        nothingSince.set(messages.isEmpty() ? "No messages since " + TIME_SHOWN.format(
                Instant.ofEpochMilli(requestedSince).atZone(zone)) + "." : "");
        sinceShown.set(sinceShown.get() + 1);
    }

    @Override
    public void latestLoaded(List<Message> messages, boolean earlier) {
        shownFrom = Long.MIN_VALUE;
        conversation.replaceStored(messages);
        hasEarlier.set(earlier);
        nothingSince.set("");
        latestShown.set(latestShown.get() + 1);
    }

    @Override
    public void membersChanged(List<Member> list) {
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
        loadingEarlier.set(false);
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

    public BooleanProperty hasEarlierProperty() {
        return hasEarlier;
    }

    public BooleanProperty loadingEarlierProperty() {
        return loadingEarlier;
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

    /** "No messages since …" after a "load since" that found none, else "". */
    public StringProperty nothingSinceProperty() {
        return nothingSince;
    }

    /** Counts "load since" results shown: the view then shows their first message. */
    public IntegerProperty sinceShownProperty() {
        return sinceShown;
    }

    /** Counts "back to the latest" results shown: the view then shows the latest message. */
    public IntegerProperty latestShownProperty() {
        return latestShown;
    }

    public ObjectProperty<LocalDate> sinceDateProperty() {
        return sinceDate;
    }

    public StringProperty sinceTimeProperty() {
        return sinceTime;
    }
}
