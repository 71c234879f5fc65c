package org.groupchat.desktop.chat;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.groupchat.desktop.files.FilePlaces;
import org.groupchat.desktop.session.ConnectionState;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.desktop.session.SessionListener;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.User;
import org.groupchat.security.PublicKeys;

/**
 * The state of one group's tab: messages, draft, members, connection, security and unread count; where it stands in
 * the history is its {@link HistoryNavigation}'s.
 * Its session's reports arrive through {@link #reports()}; used on the UI thread only.
 */
public final class ChatTabViewModel {
    private final String groupName;
    private final User me;
    private final ZoneId zone;
    private final LongSupplier clock;
    private final Conversation conversation;
    private final MemberRoster roster = new MemberRoster();
    private final ObservableList<Member> members = roster.list();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty serverFingerprint = new SimpleStringProperty("");
    private final StringProperty handshakeProblem = new SimpleStringProperty("");
    private final ObservableSet<String> features = FXCollections.observableSet();
    private final BooleanProperty owner = new SimpleBooleanProperty();
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final ObservableStringValue title;
    private final HistoryNavigation history;
    private final Composer composer;
    private final ReadState readState;
    private final SearchModel search;
    private final ModerationActions actions;
    private final SharedFiles files;
    private GroupConnection session;
    private final MoveNotice move;
    private final TabSessionReports reports;

    public ChatTabViewModel(String groupName, User me, ZoneId zone, LongSupplier clock) {
        this.groupName = groupName;
        this.me = me;
        this.zone = zone;
        this.clock = clock;
        this.conversation = new Conversation(me.id());
        this.move = new MoveNotice(notice, clock);
        this.history = new HistoryNavigation(conversation, () -> session, notice, zone, clock);
        this.composer = new Composer(conversation, () -> session, me, clock, members);
        this.readState = new ReadState(conversation, () -> session, me.id());
        this.search = new SearchModel(() -> session);
        this.actions = new ModerationActions(() -> session, notice);
        this.files = new SharedFiles(conversation, () -> session, me, clock, notice);
        IntegerProperty unread = readState.unreadProperty();
        IntegerProperty mentions = readState.mentionsProperty();
        this.title = Bindings.createStringBinding(
                () -> groupName
                        + (unread.get() == 0 ? "" : " (" + unread.get() + ")")
                        + (mentions.get() == 0 ? "" : " @" + mentions.get()),
                unread,
                mentions);
        // a message counts as read once it was on screen: tab selected, window focused, view at the latest
        selected.addListener((obs, was, now) -> viewChanged());
        windowFocused.addListener((obs, was, now) -> viewChanged());
        following.addListener((obs, was, now) -> viewChanged());
        this.reports = new TabSessionReports(this, conversation, readState, roster, move);
    }

    /** Where this tab's session reports what happened: give it to the session that feeds the tab. */
    public SessionListener reports() {
        return reports;
    }

    /** Connects this tab to the session that feeds it. */
    public void attach(GroupConnection connection) {
        this.session = connection;
        conversation.onQuoteMissing(connection::loadQuoted);
    }

    /** Called once an owner removes or bans us: the session would otherwise join again on its own. */
    public void setOnRemoved(Consumer<String> handler) {
        reports.setOnRemoved(handler);
    }

    /** Called for each new message from someone else while this tab is not in view (for a notification). */
    public void setOnIncoming(Consumer<ChatLine> handler) {
        reports.setOnIncoming(handler);
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

    /** Sends the draft (a message, a reply or an edit), or explains in {@link #refusalProperty()} why not. */
    public void send() {
        composer.send();
    }

    /** Sends a failed message again with the same id, so the server can never store it twice. */
    public void retry(String messageId) {
        if (files.isOurUpload(messageId)) {
            files.retry(messageId);
        } else {
            composer.retry(messageId);
        }
    }

    /** Gives this tab what it needs to move files (without it, the tab shows files but cannot share or fetch them). */
    public void useFiles(FilePlaces places) {
        files.use(places);
    }

    /** Sharing files, fetching them, and the pictures shown inline. */
    public SharedFiles files() {
        return files;
    }

    /** The send box: draft, reply, edit, mentions. */
    public Composer composer() {
        return composer;
    }

    /** Ctrl+F: searching this group's history. */
    public SearchModel search() {
        return search;
    }

    /** Delete, react, and an owner's remove, kick and ban. */
    public ModerationActions actions() {
        return actions;
    }

    /** The row of the stored message {@code seq}, or null when it is not shown. */
    public ChatLine conversationLine(long seq) {
        return conversation.lineAt(seq);
    }

    /** "@name" of each member {@code line} mentions whose name is known here, to make them stand out. */
    public List<String> mentionWords(ChatLine line) {
        return roster.mentionWords(line, me);
    }

    /** Shows the stored message {@code seq} in the conversation, loading earlier history if it is not loaded. */
    public void reveal(long seq) {
        history.reveal(seq);
    }

    /** Follows the group to its new address or key, e.g. after its server restarted on another port. */
    public void retarget(String endpoint, String serverKey) {
        showServerKey(serverKey);
        move.moved(groupName, endpoint);
        session.retarget(endpoint, serverKey);
        files.pictures().tryAllAgain();
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

    private void viewChanged() {
        if (inView()) {
            readState.seen();
        } else {
            readState.leftView();
        }
    }

    boolean inView() {
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
        return composer.draftProperty();
    }

    public StringProperty refusalProperty() {
        return composer.refusalProperty();
    }

    /** The feature names the group's server listed in PING, e.g. "replies", "search". */
    public ObservableSet<String> features() {
        return features;
    }

    /** Whether we are an owner of this group (may remove others' messages, remove and ban members). */
    public BooleanProperty ownerProperty() {
        return owner;
    }

    /** A muted group notifies only of messages that mention us. */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    public IntegerProperty mentionsProperty() {
        return readState.mentionsProperty();
    }

    /** The seq of the first message below the "new messages" line; 0 for none. */
    public LongProperty newFromProperty() {
        return readState.newFromProperty();
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
        return readState.unreadProperty();
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
