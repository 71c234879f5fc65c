package org.groupchat.desktop.session;

import java.util.List;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;

/** What a {@link GroupSession} reports; every call arrives on the UI thread through the bridge. */
public interface SessionListener {

    /** The newest page after joining; {@code hasEarlier} says whether older history exists. */
    void newestPage(List<Message> messages, boolean hasEarlier);

    /** New messages from the live long poll, in seq order. */
    void arrived(List<Message> messages);

    /** The server stored our message. */
    void sent(Message message);

    /** The message with this id was not stored; the user may retry it with the same id. */
    void sendFailed(String messageId, String reason);

    /** Older history asked for with "load earlier". */
    void earlierLoaded(List<Message> messages, boolean hasEarlier);

    /** Every message from the chosen moment on, replacing what is shown. */
    void sinceLoaded(List<Message> messages, boolean hasEarlier);

    /** The newest page again, replacing what is shown (after {@link GroupConnection#loadLatest}). */
    void latestLoaded(List<Message> messages, boolean hasEarlier);

    void membersChanged(List<Member> members);

    void connectionChanged(ConnectionState state, String detail);

    /** The group server refused our handshake (why, for the user), or null once it accepts us again. */
    void handshakeRefused(String reason);

    /** Something the user should read, e.g. the server refused to let us join. */
    void problem(String message);

    /**
     * The group's history was replaced (restored from a backup: its history id changed), so the seqs shown may now
     * name other messages; what is shown is dropped, and the newest page of the new history follows.
     */
    void historyReplaced();

    /** JOIN answered: whether we own the group (feature "moderation"), how far we read (null: no markers). */
    default void joined(boolean owner, Long readSeq) {}

    /** What the group server supports beyond version 1 (PING's {@code features}). */
    default void featuresKnown(List<String> features) {}

    /** Our read marker on the server, from a FETCH or MARK_READ reply; may repeat. */
    default void readUpTo(long readSeq) {}

    /** A page of search hits, newest first; {@code more}: older hits exist. */
    default void searchFound(String query, List<Message> hits, boolean more, boolean olderPage) {}

    /** The group refuses us for good (an owner banned us): retrying cannot help. */
    default void forbidden(String reason) {
        problem(reason);
    }

    /** The message a loaded reply quotes, fetched alone (empty when the server has no such seq). */
    default void quotedLoaded(List<Message> original) {}

    default void searchFailed(String query, String reason) {}
}
