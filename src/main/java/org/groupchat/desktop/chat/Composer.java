package org.groupchat.desktop.chat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * The send box of a tab: the draft, whether it answers a message or edits one of ours, the members it mentions, and
 * what sending it puts in the group's log. Part of a {@link ChatTabViewModel}; UI thread only.
 */
public final class Composer {
    private static final int MAX_MENTIONS = 50;
    private final Conversation conversation;
    private final Supplier<GroupConnection> session;
    private final User me;
    private final LongSupplier clock;
    private final ObservableList<Member> members;
    private final StringProperty draft = new SimpleStringProperty("");
    private final StringProperty refusal = new SimpleStringProperty("");
    private final ObjectProperty<ChatLine> replyingTo = new SimpleObjectProperty<>();
    private final ObjectProperty<ChatLine> editing = new SimpleObjectProperty<>();
    private final Map<String, String> mentioned = new LinkedHashMap<>();
    private final Map<String, Request.Send> unsent = new HashMap<>();

    Composer(
            Conversation conversation,
            Supplier<GroupConnection> session,
            User me,
            LongSupplier clock,
            ObservableList<Member> members) {
        this.conversation = conversation;
        this.session = session;
        this.me = me;
        this.clock = clock;
        this.members = members;
        draft.addListener((obs, was, now) -> refusal.set(""));
    }

    /** Sends the draft as a new message (quoting the one answered) or as the edit, or says why not. */
    public void send() {
        String reason = DraftCheck.refusal(draft.get());
        if (reason != null) {
            refusal.set(reason);
            return;
        }
        String text = draft.get().strip();
        ChatLine edited = editing.get();
        if (edited != null) {
            if (!text.equals(edited.text())) {
                session.get()
                        .send(Request.Send.about(
                                null, UUID.randomUUID().toString(), EventKind.EDIT, edited.seq(), text, null));
            }
            cancel();
            return;
        }
        ChatLine answered = replyingTo.get();
        Long replyTo = answered == null ? null : answered.seq();
        List<String> mentions = mentionsIn(text);
        String id = UUID.randomUUID().toString();
        ChatLine line = ChatLine.pending(id, me, text, clock.getAsLong());
        conversation.addPending(line.with(
                text,
                new ChatLine.Folded(
                        false,
                        null,
                        replyTo == null ? null : new ChatLine.Quote(replyTo, null, null, false),
                        List.of(),
                        mentions,
                        false)));
        Request.Send entry = Request.Send.message(null, id, text, replyTo, mentions);
        unsent.put(id, entry);
        draft.set("");
        mentioned.clear();
        replyingTo.set(null);
        session.get().send(entry);
    }

    /** The ids of the members the text calls by "@name", picked from the completion or typed out. */
    private List<String> mentionsIn(String text) {
        return TypedMentions.in(text, members, mentioned, me.id(), MAX_MENTIONS);
    }

    /** Sends a failed message again with the same id and the same quote and mentions. */
    ChatLine retry(String messageId) {
        ChatLine line = conversation.retry(messageId);
        Request.Send entry = unsent.get(messageId);
        if (line != null) {
            session.get().send(entry != null ? entry : new Request.Send(null, line.id(), line.text()));
        }
        return line;
    }

    void stored(String messageId) {
        unsent.remove(messageId);
    }

    /** The next message answers {@code line}. */
    public void replyTo(ChatLine line) {
        editing.set(null);
        replyingTo.set(line);
    }

    /** The send box holds {@code line}'s text; sending it stores an edit. */
    public void edit(ChatLine line) {
        replyingTo.set(null);
        editing.set(line);
        draft.set(line.text());
    }

    /** Up-arrow in an empty send box: edits our newest message; false when there is none (or the box is not empty). */
    public boolean editLast() {
        ChatLine last = conversation.lastOwnMessage();
        if (!draft.get().isEmpty() || last == null) {
            return false;
        }
        edit(last);
        return true;
    }

    /**
     * Esc: no longer answering or editing (an edit's text leaves the box), and a refusal shown goes with them. Returns
     * whether there was an answer or an edit.
     */
    public boolean cancel() {
        boolean wasEditing = editing.get() != null;
        boolean any = wasEditing || replyingTo.get() != null;
        refusal.set("");
        replyingTo.set(null);
        editing.set(null);
        if (wasEditing) {
            draft.set("");
        }
        return any;
    }

    /** Members whose name starts with {@code typed} (after the @), others before us, at most {@code limit}. */
    public List<Member> mentionCandidates(String typed, int limit) {
        String prefix = typed.toLowerCase(Locale.ROOT);
        return members.stream()
                .filter(m -> !m.id().equals(me.id()))
                .filter(m -> m.name().toLowerCase(Locale.ROOT).startsWith(prefix)
                        || m.name().toLowerCase(Locale.ROOT).contains(" " + prefix))
                .limit(limit)
                .toList();
    }

    /** Notes that the "@name" about to be put in the draft means {@code member}. */
    public void mention(Member member) {
        mentioned.put(member.name(), member.id());
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public StringProperty refusalProperty() {
        return refusal;
    }

    public ObjectProperty<ChatLine> replyingToProperty() {
        return replyingTo;
    }

    public ObjectProperty<ChatLine> editingProperty() {
        return editing;
    }
}
