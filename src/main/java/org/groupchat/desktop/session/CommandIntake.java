package org.groupchat.desktop.session;

/**
 * Turns the UI's commands into calls on the session's {@link CommandQueue}, each with how long it may keep trying; a
 * move, a LEAVE and closing go to the session itself.
 */
final class CommandIntake {
    /** What a command asks of the session beyond queueing a call. */
    interface Control {
        void retarget(GroupAddress address);

        void startLeaving(long now);

        void stop();
    }

    private final CommandQueue calls;
    private final SessionCalls make;
    private final HistoryCalls history;
    private final SessionTimings timings;
    private final Control control;

    CommandIntake(
            CommandQueue calls, SessionCalls make, HistoryCalls history, SessionTimings timings, Control control) {
        this.calls = calls;
        this.make = make;
        this.history = history;
        this.timings = timings;
        this.control = control;
    }

    void accept(SessionCommand command, long now) {
        if (command instanceof SessionCommand.Send send) {
            calls.add(make.send(send, now + timings.sendGiveUpMs()));
        } else if (command instanceof SessionCommand.MarkRead mark) {
            calls.add(make.markRead(mark.seq(), now + timings.historyGiveUpMs()));
        } else if (command instanceof SessionCommand.Search search) {
            calls.add(make.search(search, now + timings.historyGiveUpMs()));
        } else if (command instanceof SessionCommand.Quoted quoted) {
            calls.add(make.quoted(quoted.seq(), now + timings.historyGiveUpMs()));
        } else if (command instanceof SessionCommand.Earlier earlier) {
            calls.add(history.earlier(earlier.beforeSeq(), now + timings.historyGiveUpMs()));
        } else if (command instanceof SessionCommand.Since since) {
            calls.add(history.since(since.sinceMs(), now + timings.historyGiveUpMs()));
        } else if (command instanceof SessionCommand.Latest) {
            calls.add(history.latest(now + timings.historyGiveUpMs()));
        } else if (command instanceof SessionCommand.Retarget retarget) {
            control.retarget(retarget.address());
        } else if (command instanceof SessionCommand.Leave) {
            control.startLeaving(now);
        } else if (command instanceof SessionCommand.Close) {
            control.stop();
        }
    }
}
