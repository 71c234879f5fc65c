package org.groupchat.desktop.session;

import org.groupchat.protocol.Reply;

/** What a reply (to a command or to the live poll) can ask of its session beyond reporting to the tab. */
interface ReplyOutcomes {
    /** The server answered: the connection is healthy again. */
    void succeeded();

    /** No usable answer (a broken server): counts as a failure, with backoff. */
    void failed(long now);

    /** True when the reply comes from a replaced history, which the session then reads afresh. */
    boolean historyReplaced(Reply reply);

    /** JOIN again ahead of everything else (the server forgot us). */
    void rejoin();

    /** Whether the session is leaving the group (no rejoin then). */
    boolean leaving();

    /** The command socket reopens: after a broken reply it cannot be trusted. */
    void reopenCommandSlot();
}
