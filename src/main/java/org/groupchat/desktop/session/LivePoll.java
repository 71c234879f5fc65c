package org.groupchat.desktop.session;

import java.util.List;
import org.groupchat.client.ReplyDecoder;
import org.groupchat.client.ReplyFrames;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.transport.HandshakeWatch;
import org.groupchat.transport.ReqSlot;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The long-poll half of a session: one REQ socket that keeps a {@code FETCH afterSeq waitMs} parked at the
 * server, so a new message comes back as soon as it is stored. A socket monitor reports a dropped connection,
 * because a REQ socket silently loses a request whose connection died (e.g. a quick server restart).
 * Used by the session thread only.
 */
final class LivePoll implements AutoCloseable {
    private static final int LIMIT = 200;
    private static final long GRACE_MS = 2_000;

    private final ReqSlot slot;
    private GroupAddress address;
    private final User userRef;
    private final int waitMs;
    private long afterSeq = -1;
    private long nextAt;
    private Request.Fetch asked;

    LivePoll(ZContext context, GroupAddress address, User userRef, int waitMs) {
        this.slot = new ReqSlot(context, address.endpoint(), address.keys());
        this.address = address;
        this.userRef = userRef;
        this.waitMs = waitMs;
    }

    ZMQ.Socket socket() {
        return slot.socket();
    }

    ZMQ.Socket monitorSocket() {
        return slot.monitorSocket();
    }

    /** What happened to the poll socket's connections since the last call. */
    HandshakeWatch.Seen connectionEvents() {
        return slot.connectionEvents();
    }

    /** True once the newest page is known, so the poll knows where to continue from. */
    boolean started() {
        return afterSeq >= 0;
    }

    void continueAfter(long seq) {
        afterSeq = Math.max(afterSeq, seq);
    }

    /** Another history (a restored backup): where the poll stood means nothing now; the newest page sets it again. */
    void forget() {
        afterSeq = -1;
    }

    /** Parks the next FETCH when it is due; true when the socket had to be replaced first (after a refusal). */
    boolean issueIfDue(long now, boolean allowed) {
        if (allowed && !slot.busy() && started() && now >= nextAt) {
            boolean replaced = slot.reopenIfRefused();
            asked = Request.Fetch.after(userRef, afterSeq, LIMIT, waitMs);
            slot.send(Json.write(asked), waitMs + GRACE_MS, now);
            return replaced;
        }
        return false;
    }

    boolean undecided() {
        return slot.undecided();
    }

    /**
     * The reply frame to the parked FETCH. Throws the server's refusal, or a
     * {@link org.groupchat.client.ProtocolViolationException} for a reply out of the contract for what was asked.
     */
    Reply.Fetched decode(byte[] frame) {
        ReplyFrames.check(slot);
        return ReplyDecoder.decode(frame, asked, Reply.Fetched.class, slot.endpoint());
    }

    /** The messages of {@code fetched} not seen before; asks again at once. */
    List<Message> fresh(Reply.Fetched fetched, long now) {
        List<Message> fresh =
                fetched.messages().stream().filter(m -> m.seq() > afterSeq).toList();
        if (!fresh.isEmpty()) {
            afterSeq = fresh.get(fresh.size() - 1).seq();
        }
        nextAt = now;
        return fresh;
    }

    byte[] receive() {
        return slot.receive();
    }

    boolean overdue(long now) {
        return slot.overdue(now);
    }

    /** Drops an outstanding poll (lost with a dead connection) and asks again, now or after a pause. */
    void restart(GroupAddress to, long at) {
        if (slot.busy() || !address.equals(to)) {
            slot.reopen(to.endpoint(), to.keys());
            address = to;
        }
        nextAt = at;
    }

    void pauseUntil(long at) {
        nextAt = at;
    }

    /** When the session thread must wake up for this poll. */
    long wakeAt(boolean allowed) {
        if (slot.busy()) {
            return slot.deadline();
        }
        return allowed && started() ? nextAt : Long.MAX_VALUE;
    }

    @Override
    public void close() {
        slot.close();
    }
}
