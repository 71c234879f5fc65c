package org.groupchat.group.files;

import java.util.ArrayDeque;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.server.Inbound;

/**
 * File ops waiting for the group's thread, answered in the order they came a few at a time between passes of its loop:
 * a client keeping several chunks in flight must not hold up the texts that arrive behind them, which are answered in
 * the next pass. A full queue answers its oldest op at once, so the chunks held here stay a few MB at most.
 */
public final class FileOpQueue {
    /** Work given to file ops per pass: about one 128 KiB chunk stored, then back to the other requests. */
    private static final long BUDGET_NANOS = 1_000_000L;

    private static final int MOST_QUEUED = 32;

    private record Queued(Inbound inbound, Request.FileOp op) {}

    private final ArrayDeque<Queued> queued = new ArrayDeque<>();
    private final Function<Request.FileOp, Reply> answer;
    private final BiConsumer<Inbound, Reply> reply;

    /** {@code answer} answers one op (refusals included), {@code reply} sends a reply. Both on the group's thread. */
    public FileOpQueue(Function<Request.FileOp, Reply> answer, BiConsumer<Inbound, Reply> reply) {
        this.answer = answer;
        this.reply = reply;
    }

    public void add(Inbound inbound, Request.FileOp op) {
        if (queued.size() >= MOST_QUEUED) {
            answerNext();
        }
        queued.add(new Queued(inbound, op));
    }

    public boolean isEmpty() {
        return queued.isEmpty();
    }

    /** Answers queued ops, the oldest first, until the pass's budget is spent (at least one, if any waits). */
    public void answerSome() {
        long started = System.nanoTime();
        while (!queued.isEmpty()) {
            answerNext();
            if (System.nanoTime() - started >= BUDGET_NANOS) {
                return;
            }
        }
    }

    private void answerNext() {
        Queued next = queued.poll();
        reply.accept(next.inbound(), answer.apply(next.op()));
    }
}
