package org.groupchat.desktop.session;

/** What the UI asks the session thread to do; handed over through a queue. */
sealed interface SessionCommand {
    record Send(String messageId, String text) implements SessionCommand {}

    record Earlier(long beforeSeq) implements SessionCommand {}

    record Since(long sinceMs) implements SessionCommand {}

    record Latest() implements SessionCommand {}

    record Retarget(GroupAddress address) implements SessionCommand {}

    record Leave() implements SessionCommand {}

    record Close() implements SessionCommand {}
}
