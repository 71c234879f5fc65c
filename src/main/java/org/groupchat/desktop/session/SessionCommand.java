package org.groupchat.desktop.session;

import org.groupchat.protocol.Request;

/** What the UI asks the session thread to do; handed over through a queue. */
sealed interface SessionCommand {
    /** An entry for the group's log: a message or an event (its user is the session's). */
    record Send(Request.Send entry) implements SessionCommand {
        String messageId() {
            return entry.id();
        }
    }

    record MarkRead(long seq) implements SessionCommand {}

    record Search(String query, Long beforeSeq) implements SessionCommand {}

    record Quoted(long seq) implements SessionCommand {}

    record Earlier(long beforeSeq) implements SessionCommand {}

    record Since(long sinceMs) implements SessionCommand {}

    record Latest() implements SessionCommand {}

    record Retarget(GroupAddress address) implements SessionCommand {}

    record Leave() implements SessionCommand {}

    record Close() implements SessionCommand {}
}
