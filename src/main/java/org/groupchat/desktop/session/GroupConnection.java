package org.groupchat.desktop.session;

/** What a chat tab asks of its group's session; every method returns at once and never blocks. */
public interface GroupConnection {

    void send(String messageId, String text);

    void loadEarlier(long beforeSeq);

    void loadSince(long sinceMs);

    /** Shows the newest page again, e.g. after "load since" found nothing. */
    void loadLatest();

    /**
     * Moves the session to a new address or key of the same group, e.g. after its server restarted elsewhere;
     * {@code serverKey} is null for a group without security.
     */
    void retarget(String endpoint, String serverKey);

    /** Leaves the group (LEAVE), then stops. */
    void leave();

    /** Stops without leaving; the group stays joined for the next start. */
    void close();
}
