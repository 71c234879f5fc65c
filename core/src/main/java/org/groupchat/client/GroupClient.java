package org.groupchat.client;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * Talks to one group as one user. Blocking; use it from one background thread. With a {@link GroupLocator}, a group
 * that stops answering is looked up again and followed to where it answers now (another server took it over); the
 * request goes there unchanged, so a SEND is stored once whichever server takes it.
 */
public final class GroupClient extends ProtocolClient {
    private static final Logger LOG = LoggerFactory.getLogger(GroupClient.class);
    /** How long to look for a moved group: a registry's lease and a group's turn both run out within it. */
    public static final Duration FOLLOW_WINDOW = Duration.ofSeconds(15);

    private static final int MOST_MOVES = 3;
    private static final long LOOKUP_INTERVAL_MS = 250;

    private final User user;
    private final GroupLocator locator;

    public GroupClient(String endpoint, User user) {
        this(null, endpoint, user, ClientOptions.DEFAULT);
    }

    public GroupClient(ZContext context, String endpoint, User user, ClientOptions options) {
        this(context, endpoint, user, options, null);
    }

    /** {@code keys}: CURVE with the group's public key and the user's key pair, or null for a group without security. */
    public GroupClient(ZContext context, String endpoint, User user, ClientOptions options, ClientKeys keys) {
        this(context, endpoint, user, options, keys, null);
    }

    /** {@code locator}: where to look for the group when it stops answering, or null to give up there. */
    public GroupClient(
            ZContext context,
            String endpoint,
            User user,
            ClientOptions options,
            ClientKeys keys,
            GroupLocator locator) {
        super(context, endpoint, options, keys);
        this.user = user;
        this.locator = locator;
    }

    /**
     * A client for a group as a registry listed it: with CURVE and {@code ownKeys} when the listing carries the group's
     * key, else plaintext. {@code requireCurve}: this client is configured for security (it trusts the registry's
     * key), so a group listed without a key is refused before any request.
     *
     * @throws PlaintextRefusedException when {@code requireCurve} and the group runs without CURVE; the message says why
     */
    public static GroupClient forListed(
            ZContext context,
            GroupInfo listed,
            User user,
            ClientOptions options,
            CurveKeyPair ownKeys,
            boolean requireCurve,
            GroupLocator locator) {
        PlaintextRefusedException.refuseUnlessSecure(listed, requireCurve);
        ClientKeys keys = listed.secure() ? new ClientKeys(listed.publicKey(), ownKeys) : null;
        return new GroupClient(context, listed.endpoint(), user, options, keys, locator);
    }

    /**
     * Asks the locator until it names another endpoint, for up to {@link #FOLLOW_WINDOW}; then the same endpoint
     * once more (a server restarted in place), or nothing if no registry knows the group.
     */
    @Override
    String elsewhere(int moves) {
        if (locator == null || moves >= MOST_MOVES) {
            return null;
        }
        long deadline = System.nanoTime() + FOLLOW_WINDOW.toNanos();
        while (true) {
            String found = locator.endpointNow();
            if (found != null && !found.equals(endpoint())) {
                LOG.info("the group at {} moved to {}", endpoint(), found);
                return found;
            }
            if (System.nanoTime() - deadline > 0) {
                return found;
            }
            try {
                Thread.sleep(LOOKUP_INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private final HistoryIdWatch history = new HistoryIdWatch();

    public User user() {
        return user;
    }

    public Reply.Joined join() {
        Reply.Joined joined = call(new Request.Join(user), Reply.Joined.class);
        history.note(joined.historyId());
        return joined;
    }

    /** The group's history id as last seen (protocol 1.1), or null before any, or from a server without it. */
    public String historyId() {
        return history.current();
    }

    /**
     * Calls {@code listener} (on the calling thread) when the group's history id changes: its history was replaced,
     * as by a restore, so seqs seen before no longer name the same messages. {@link #fetchAfter} has then already
     * started over from the beginning of the new history; drop what was shown and show what it returns.
     */
    public void onHistoryReplaced(Runnable listener) {
        history.onReplaced(listener);
    }

    public void leave() {
        call(new Request.Leave(User.ofId(user.id())), Reply.Done.class);
    }

    /** Sends with a fresh message id. */
    public Message send(String text) {
        return send(UUID.randomUUID().toString(), text);
    }

    /** Sends with the given message id; sending the same id again returns the stored message, never a copy. */
    public Message send(String messageId, String text) {
        return call(new Request.Send(User.ofId(user.id()), messageId, text), Reply.Sent.class)
                .message();
    }

    /** A message that quotes {@code replyTo} (null for none) and mentions the given user ids (may be empty); 1.4. */
    public Message send(String text, Long replyTo, List<String> mentions) {
        return send(UUID.randomUUID().toString(), text, replyTo, mentions);
    }

    /** As {@link #send(String, Long, List)}, with the given message id (reuse it when retrying). */
    public Message send(String messageId, String text, Long replyTo, List<String> mentions) {
        return sent(Request.Send.message(User.ofId(user.id()), messageId, text, replyTo, mentions));
    }

    /** Replaces the text of this user's message {@code target} (1.4, "edits"). */
    public Message edit(long target, String text) {
        return about(EventKind.EDIT, target, text, null);
    }

    /** Takes back this user's message {@code target} (1.4, "edits"). */
    public Message delete(long target) {
        return about(EventKind.DELETE, target, null, null);
    }

    /** Reacts to message {@code target} with {@code emoji} (1.4, "reactions"). */
    public Message react(long target, String emoji) {
        return about(EventKind.REACTION, target, null, emoji);
    }

    /** Takes back this user's {@code emoji} reaction to message {@code target}. */
    public Message unreact(long target, String emoji) {
        return about(EventKind.UNREACTION, target, null, emoji);
    }

    /** An owner removes message {@code target} (1.4, "moderation"; needs security on). */
    public Message remove(long target) {
        return about(EventKind.REMOVE, target, null, null);
    }

    /** An owner's kick ({@link EventKind#KICK}), ban or unban of the member with this user id. */
    public Message moderate(EventKind kind, String memberId) {
        return sent(
                Request.Send.moderate(User.ofId(user.id()), UUID.randomUUID().toString(), kind, memberId));
    }

    /** Marks the group read up to {@code seq} (1.4, "read-markers"); returns the marker now, never lower than before. */
    public long markRead(long seq) {
        return call(new Request.MarkRead(User.ofId(user.id()), seq), Reply.MarkedRead.class)
                .readSeq();
    }

    private Message about(EventKind kind, long target, String text, String emoji) {
        return sent(Request.Send.about(User.ofId(user.id()), UUID.randomUUID().toString(), kind, target, text, emoji));
    }

    private Message sent(Request.Send send) {
        return call(send, Reply.Sent.class).message();
    }

    /** Messages after {@code afterSeq}; with {@code waitMs} > 0, waits up to that long for one to arrive. */
    public Reply.Fetched fetchAfter(long afterSeq, int limit, int waitMs) {
        Reply.Fetched page = call(
                Request.Fetch.after(User.ofId(user.id()), afterSeq, limit, waitMs),
                Reply.Fetched.class,
                Duration.ofMillis(waitMs));
        if (history.note(page.historyId()) && afterSeq > 0) {
            page = call(Request.Fetch.after(User.ofId(user.id()), 0, limit, 0), Reply.Fetched.class);
            history.note(page.historyId());
        }
        return page;
    }

    /** Hands every message after {@code afterSeq} to {@code sink}, oldest first, a page at a time; returns the last seq seen. */
    public long forEachAfter(long afterSeq, Consumer<Message> sink) {
        long last = afterSeq;
        Reply.Fetched page;
        do {
            page = fetchAfter(last, Fields.MAX_LIMIT, 0);
            for (Message message : page.messages()) {
                sink.accept(message);
                last = message.seq();
            }
        } while (page.more());
        return last;
    }

    /** Messages at or after {@code sinceMs}; with {@code waitMs} > 0, waits up to that long for one to arrive. */
    public Reply.Fetched fetchSinceWaiting(long sinceMs, int limit, int waitMs) {
        return call(
                new Request.Fetch(User.ofId(user.id()), null, sinceMs, limit, waitMs),
                Reply.Fetched.class,
                Duration.ofMillis(waitMs));
    }

    public Reply.Fetched fetchSince(long sinceMs, int limit) {
        Reply.Fetched page = call(Request.Fetch.since(User.ofId(user.id()), sinceMs, limit), Reply.Fetched.class);
        history.note(page.historyId());
        return page;
    }

    public Reply.Fetched fetchNewest(int limit) {
        Reply.Fetched page = call(Request.Fetch.newest(User.ofId(user.id()), limit), Reply.Fetched.class);
        history.note(page.historyId());
        return page;
    }

    public Reply.History before(long beforeSeq, int limit) {
        return call(new Request.Before(User.ofId(user.id()), beforeSeq, limit), Reply.History.class);
    }

    /** SEARCH (1.4, feature "search"): messages holding every word of {@code query}, newest first, below {@code beforeSeq} (null: from the newest). */
    public Reply.SearchHits search(String query, Long beforeSeq, int limit) {
        return call(new Request.Search(User.ofId(user.id()), query, limit, beforeSeq), Reply.SearchHits.class);
    }

    /** FILE_BEGIN (1.5, "files"): announces or resumes an upload; the reply says where to go on. See {@link FileTransfer}. */
    public Reply.FileProgress fileBegin(String fileId, String name, long size, String sha256, String mediaType) {
        return call(
                new Request.FileBegin(User.ofId(user.id()), fileId, name, size, sha256, mediaType),
                Reply.FileProgress.class);
    }

    /** FILE_CHUNK: the chunk at {@code offset} with its SHA-256, sent in a second frame. */
    public Reply.FileProgress fileChunk(String fileId, long offset, String sha256, byte[] bytes) {
        return callWithBytes(
                new Request.FileChunk(User.ofId(user.id()), fileId, offset, sha256, null),
                bytes,
                Reply.FileProgress.class,
                (reply, extra) -> reply);
    }

    /** FILE_GET: the file's description and its chunk at {@code offset} ({@link Reply.FileData#bytes()}). */
    public Reply.FileData fileGet(String fileId, long offset) {
        return callWithBytes(
                new Request.FileGet(User.ofId(user.id()), fileId, offset),
                null,
                Reply.FileData.class,
                Reply.FileData::withBytes);
    }

    public List<Member> members() {
        return call(new Request.Members(User.ofId(user.id())), Reply.MemberList.class)
                .members();
    }
}
