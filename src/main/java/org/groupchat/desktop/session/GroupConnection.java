package org.groupchat.desktop.session;

import org.groupchat.protocol.Request;

/** What a chat tab asks of its group's session; every method returns at once and never blocks. */
public interface GroupConnection {

    /** Appends {@code entry} (a message or an event; its user is ignored) to the group's log, once. */
    void send(Request.Send entry);

    default void send(String messageId, String text) {
        send(new Request.Send(null, messageId, text));
    }

    /** Moves this user's read marker on the server to {@code seq} (feature "read-markers"). */
    void markRead(long seq);

    /** Searches the group's history (feature "search"); {@code beforeSeq} null for the newest hits. */
    void search(String query, Long beforeSeq);

    /** Loads the message {@code seq} alone, for the quote of a reply to it (see {@link SessionListener#quotedLoaded}). */
    void loadQuoted(long seq);

    void loadEarlier(long beforeSeq);

    void loadSince(long sinceMs);

    /** Shows the newest page again, e.g. after "load since" found nothing. */
    void loadLatest();

    /**
     * Moves the session to a new address or key of the same group, e.g. after its server restarted elsewhere;
     * {@code serverKey} is null for a group without security.
     */
    void retarget(String endpoint, String serverKey);

    /** Where this group's file transfers go now (it follows {@link #retarget}). */
    FileEndpoint fileEndpoint();

    /** Leaves the group (LEAVE), then stops. */
    void leave();

    /** Stops without leaving; the group stays joined for the next start. */
    void close();
}
