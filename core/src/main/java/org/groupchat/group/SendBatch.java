package org.groupchat.group;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.groupchat.metrics.Metrics;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.server.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SENDs of one batch of requests: each is checked and queued, then all are stored in one transaction and
 * acknowledged after its commit; what they stored goes on to {@code onStored} (recent messages, held FETCHes).
 */
final class SendBatch {
    private static final Logger LOG = LoggerFactory.getLogger(SendBatch.class);

    /** The stored member behind a request's user, marked online; NOT_MEMBER otherwise. */
    interface Members {
        User require(User user) throws ProtocolException;
    }

    private record PendingSend(Inbound from, NewMessage message) {}

    private final String groupName;
    private final MessageStore store;
    private final Presence presence;
    private final EventRules events;
    private final Moderation moderation;
    private final LongPollQueue longPolls;
    private final SendRateLimiter rateLimiter;
    private final Members members;
    private final BiConsumer<List<byte[]>, Reply> replies;
    private final Consumer<List<Message>> onStored;
    private final List<PendingSend> pending = new ArrayList<>();

    SendBatch(
            GroupServerConfig config,
            MessageStore store,
            Presence presence,
            EventRules events,
            Moderation moderation,
            LongPollQueue longPolls,
            Members members,
            BiConsumer<List<byte[]>, Reply> replies,
            Consumer<List<Message>> onStored) {
        this.groupName = config.name();
        this.store = store;
        this.presence = presence;
        this.events = events;
        this.moderation = moderation;
        this.longPolls = longPolls;
        this.rateLimiter = new SendRateLimiter(
                config.limits().sendsPerSecond(), config.limits().sendBurst());
        this.members = members;
        this.replies = replies;
        this.onStored = onStored;
    }

    /** Forgets the send rates of users idle for long, now and then. */
    void prune(long nowNanos) {
        rateLimiter.prune(nowNanos);
    }

    /** Checks a SEND and queues it for this batch's transaction; an event first stores what came before it. */
    void accept(Inbound from, Request.Send send) {
        try {
            String userId = Fields.userId(send.user());
            String id = Fields.uuid(send.id(), "id");
            User sender = store.member(userId).orElse(null);
            boolean event = EventRules.readsTheLog(send);
            if (event) {
                flush(); // an event is checked against everything stored before it, and stored before what follows
            }
            if (sender == null || event) {
                // A retry of a stored SEND is answered from storage, even after its sender left: exactly-once wins.
                Message stored = store.findById(id)
                        .filter(m -> m.sender().id().equals(userId))
                        .orElse(null);
                if (stored != null) {
                    replies.accept(from.route(), new Reply.Sent(stored));
                    return;
                }
                sender = members.require(send.user());
            }
            presence.seen(userId, System.nanoTime());
            NewMessage message = events.check(send, id, sender);
            long retryAfterMs = rateLimiter.acquire(sender.id(), System.nanoTime());
            if (retryAfterMs > 0) {
                Message stored = store.findById(id).orElse(null);
                if (stored != null) {
                    replies.accept(
                            from.route(),
                            stored.sender().id().equals(userId) ? new Reply.Sent(stored) : SendIds.takenByAnother(id));
                    return;
                }
                throw new ProtocolException(
                        ErrorCode.RATE_LIMITED,
                        "too many messages; try again in " + retryAfterMs + " ms",
                        retryAfterMs);
            }
            // A member's retry is found by the insert itself (the id is UNIQUE); flushSends gives its token back.
            pending.add(new PendingSend(from, message));
            if (event) {
                flush();
            }
        } catch (ProtocolException e) {
            replies.accept(from.route(), e.toReply());
        } catch (RuntimeException e) {
            replies.accept(from.route(), storageFailure(groupName, e));
        }
    }

    /** Stores the SENDs that arrived together in one transaction, then acknowledges them and wakes waiting FETCHes. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        long lastSeqBefore = store.lastSeq();
        List<Message> stored;
        try {
            stored = store.append(pending.stream().map(PendingSend::message).toList());
            Metrics.COMMIT_BATCH.labelValues(groupName).observe(pending.size());
        } catch (RuntimeException e) {
            Reply failure = storageFailure(groupName, e);
            pending.forEach(p -> {
                replies.accept(p.from().route(), failure);
                rateLimiter.refund(p.message().sender().id());
            });
            pending.clear();
            return;
        }
        List<Message> fresh = new ArrayList<>(stored.size());
        long lastFreshSeq = lastSeqBefore;
        for (int i = 0; i < stored.size(); i++) {
            PendingSend send = pending.get(i);
            Message message = stored.get(i);
            replies.accept(
                    send.from().route(),
                    message.sender().id().equals(send.message().sender().id())
                            ? new Reply.Sent(message)
                            : SendIds.takenByAnother(message.id()));
            // New messages come in rising seq; a retry (even one beside its original in this batch) repeats a seq.
            if (message.seq() > lastFreshSeq) {
                fresh.add(message);
                forgetIfGone(message);
                lastFreshSeq = message.seq();
            } else {
                rateLimiter.refund(send.message().sender().id());
            }
        }
        pending.clear();
        if (!fresh.isEmpty()) {
            onStored.accept(fresh);
        }
    }

    /** A kick or ban just stored ends the member's membership: not online, and their held FETCHes get the refusal. */
    private void forgetIfGone(Message message) {
        String gone = message.kind() == null ? null : moderation.apply(message, store);
        if (gone != null) {
            presence.forget(gone);
            longPolls
                    .answerWhere(p -> p.userId.equals(gone) ? p : null)
                    .forEach(p -> replies.accept(p.getKey().route, moderation.refusalAfter(message)));
        }
    }

    /** The reply to a request whose storing failed; logged once here. */
    static Reply storageFailure(String groupName, RuntimeException e) {
        LOG.error("group \"{}\": storage failed: {}", groupName, e.getMessage());
        return Reply.Failure.of(ErrorCode.INTERNAL, "the message was not stored: " + e.getMessage(), null);
    }
}
