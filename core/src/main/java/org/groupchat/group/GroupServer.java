package org.groupchat.group;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.groupchat.group.files.FileOpQueue;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.metrics.LiveFigures;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Ops;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.ProtocolVersion;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.server.Inbound;
import org.groupchat.server.RouterServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * One chat group: members JOIN, SEND and FETCH over a ROUTER socket. SENDs that arrive together are stored
 * in one transaction and acknowledged after its commit; FETCHes with {@code waitMs} wait here without
 * blocking anyone. Owns its {@link MessageStore} and closes it when it stops.
 */
public final class GroupServer extends RouterServer {
    private static final Logger LOG = LoggerFactory.getLogger(GroupServer.class);
    private static final int DEFAULT_LIMIT = 100;
    private static final long PRUNE_INTERVAL_NANOS = 10_000_000_000L;

    private final GroupServerConfig config;
    private final MessageStore store;
    private final LongPollQueue longPolls = new LongPollQueue();
    private final Presence presence = new Presence();
    private final MemberView memberView;
    private final RetentionSweep retention;
    private final KeyAuthorization authorization;
    private final Moderation moderation;
    private final EventRules events;
    private final ReadMarkers readMarkers;
    private final Memberships memberships;
    private final SendBatch sends;
    private final FileTransfers files;
    private final FileOpQueue fileOps = new FileOpQueue(op -> answerSafely(op, null), this::reply);
    private final RecentMessages recent = new RecentMessages();
    private final RegistryHeartbeats heartbeats = new RegistryHeartbeats();
    private volatile String advertisedEndpoint;
    private long lastPruneNanos = System.nanoTime();
    private volatile int parkedPolls;
    private volatile Throwable damage;
    private final GroupFigures figures = new GroupFigures();
    private final CompletableFuture<String> registration = new CompletableFuture<>();

    public GroupServer(GroupServerConfig config, MessageStore store) {
        super("group-" + config.name(), config.bind(), config.socketLimits(), config.security());
        this.config = config;
        this.authorization = new KeyAuthorization(config.name(), config.security());
        this.store = store;
        this.moderation = new Moderation(config, store);
        this.events = new EventRules(config.name(), store, moderation);
        this.readMarkers = new ReadMarkers(store.state());
        this.memberView = new MemberView(store, presence, longPolls, config.security(), moderation.owners());
        this.memberships = new Memberships(config, store, presence, memberView, readMarkers, moderation);
        this.sends = new SendBatch(
                config,
                store,
                presence,
                events,
                moderation,
                longPolls,
                memberships::require,
                this::reply,
                this::stored);
        this.retention =
                new RetentionSweep(config.name(), store, config.limits().retainMs());
        this.files = new FileTransfers(
                config.name(),
                store,
                FileStores.open(store, config.name()),
                config.limits().files(),
                event -> stored(List.of(event)));
        store.integrity().whenComplete((intact, error) -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof StorageException) {
                damage = cause;
            }
        });
    }

    public String name() {
        return config.name();
    }

    /** The endpoint given to the registry and to clients; valid after {@link #start()}. */
    public String advertisedEndpoint() {
        return advertisedEndpoint;
    }

    @Override
    protected void onStart(ZContext context) {
        advertisedEndpoint = AdvertisedHost.advertise(Endpoint.parse(routerEndpoint()), config)
                .toString();
        heartbeats.start(
                context,
                config,
                new GroupRef(config.name(), advertisedEndpoint, publicKey()),
                config::linkKeys,
                registration);
        LiveFigures.add(figures);
    }

    @Override
    protected String metricsRole() {
        return "group";
    }

    @Override
    protected String metricsGroup() {
        return config.name();
    }

    /** The group's CURVE public key, or null when it runs without security. */
    public String publicKey() {
        return config.publicKey();
    }

    @Override
    protected void handleBatch(List<Inbound> batch) {
        for (Inbound inbound : batch) {
            Request request = authorized(inbound, decode(inbound));
            if (request instanceof Request.Send send) {
                sends.accept(inbound, send);
            } else if (request instanceof Request.Fetch fetch) {
                fetch(inbound, fetch);
            } else if (request instanceof Request.FileOp file) {
                fileOps.add(inbound, file);
            } else if (request != null) {
                sends.flush();
                reply(inbound, answerSafely(request, inbound.peerKey()));
            }
        }
        sends.flush();
    }

    /** The request if its connection's key may make it; otherwise answers UNAUTHORIZED and returns null. */
    private Request authorized(Inbound inbound, Request request) {
        if (request == null) {
            return null;
        }
        try {
            authorization.check(request, inbound.peerKey());
            moderation.refuseBanned(request);
            return request;
        } catch (ProtocolException e) {
            reply(inbound, e.toReply());
            return null;
        }
    }

    @Override
    protected Reply answer(Request request, String peerKey) throws ProtocolException {
        if (request instanceof Request.Ping) {
            return new Reply.Pong(
                    "group", ProtocolVersion.SOFTWARE, ProtocolVersion.PROTOCOL, ProtocolVersion.GROUP_FEATURES);
        } else if (request instanceof Request.Join join) {
            return memberships.join(join);
        } else if (request instanceof Request.Leave leave) {
            return memberships.leave(leave);
        } else if (request instanceof Request.Before before) {
            memberships.require(before.user());
            return HistoryPages.before(store, before, DEFAULT_LIMIT, retention.firstSeqIfTrimmed());
        } else if (request instanceof Request.Members members) {
            memberships.require(members.user());
            return new Reply.MemberList(memberView.withPresence());
        } else if (request instanceof Request.MarkRead mark) {
            return readMarkers.mark(memberships.require(mark.user()).id(), mark.seq(), store.lastSeq());
        } else if (request instanceof Request.Search search) {
            memberships.require(search.user());
            return HistoryPages.search(store, search);
        } else if (request instanceof Request.FileOp file) {
            return files.answer(file, memberships.require(file.user()));
        }
        throw new ProtocolException(
                ErrorCode.BAD_REQUEST,
                "a group server does not answer " + Ops.of(request) + "; send it to the registry");
    }

    private void fetch(Inbound from, Request.Fetch fetch) {
        try {
            String userId = memberships.require(fetch.user()).id();
            FetchQuery query = FetchQuery.of(fetch, DEFAULT_LIMIT);
            int waitMs = Fields.waitMs(fetch.waitMs());
            EncodedPage page = recent.answer(query, store.lastSeq());
            if (page == null) {
                page = store.encoded(query);
            }
            if (page.count() == 0 && waitMs > 0 && longPolls.mayPark(userId, config.limits())) {
                longPolls.park(
                        new LongPollQueue.Parked(from.route(), userId, query, System.nanoTime() + waitMs * 1_000_000L));
                parkedPolls = longPolls.size();
                return;
            }
            replyEncoded(
                    from.route(),
                    page.fetchedReply(
                            store.lastSeq(), store.historyId(), retention.firstSeqIfTrimmed(), readMarkers.of(userId)));
        } catch (ProtocolException e) {
            reply(from, e.toReply());
        } catch (RuntimeException e) {
            reply(from, SendBatch.storageFailure(config.name(), e));
        }
    }

    private Reply.Fetched fetched(String userId, List<Message> messages, long lastSeq, boolean more) {
        return new Reply.Fetched(
                messages, lastSeq, more, store.historyId(), retention.firstSeqIfTrimmed(), readMarkers.of(userId));
    }

    /**
     * The registry's first answer: null once it accepted this group, or the sentence of its refusal (such as
     * NAME_TAKEN). Never completes while the registry does not answer, nor when the group has no registry.
     */
    public CompletableFuture<String> registration() {
        return registration.copy();
    }

    /** How many FETCHes are held now; for tests and monitoring. */
    public int parkedPolls() {
        return parkedPolls;
    }

    /** Messages just committed: kept for FETCHes from memory, and answered to the FETCHes waiting for them. */
    private void stored(List<Message> fresh) {
        recent.addAll(fresh);
        wakeLongPolls(fresh);
    }

    private void wakeLongPolls(List<Message> fresh) {
        List<Map.Entry<LongPollQueue.Parked, Page>> answered =
                longPolls.answerWhere(parked -> parked.query.answerFrom(fresh));
        parkedPolls = longPolls.size();
        long lastSeq = store.lastSeq();
        for (Map.Entry<LongPollQueue.Parked, Page> entry : answered) {
            Page page = entry.getValue();
            reply(entry.getKey().route, fetched(entry.getKey().userId, page.messages(), lastSeq, page.more()));
        }
    }

    @Override
    protected long millisUntilNextTimer() {
        long now = System.nanoTime();
        long nanos = Math.min(longPolls.nanosUntilNextDeadline(now), heartbeats.nanosUntilNextBeat(now));
        return nanos <= 0 || !fileOps.isEmpty() ? 0 : 1 + nanos / 1_000_000L;
    }

    @Override
    protected void onTimer() {
        if (damage != null) {
            LOG.error("group \"{}\" stops: {}", config.name(), damage.getMessage());
            stopOnFailure(damage);
            return;
        }
        fileOps.answerSome();
        long now = System.nanoTime();
        long lastSeq = store.lastSeq();
        for (LongPollQueue.Parked parked : longPolls.expire(now)) {
            reply(parked.route, fetched(parked.userId, List.of(), lastSeq, false));
        }
        parkedPolls = longPolls.size();
        if (now - lastPruneNanos > PRUNE_INTERVAL_NANOS) {
            sends.prune(now);
            lastPruneNanos = now;
        }
        if (retention.runIfDue(now)) {
            // what retention dropped must not be answered from memory either
            recent.clear();
        }
        heartbeats.beatIfDue(now, memberView::stats);
        files.sweepIfDue(now);
        figures.publishIfDue(
                now, () -> GroupFigures.of(config.name(), memberView.stats(), longPolls, heartbeats, store));
    }

    @Override
    protected void onStop() {
        LiveFigures.remove(figures);
        long lastSeq = store.lastSeq();
        for (LongPollQueue.Parked parked : longPolls.removeAll()) {
            reply(parked.route, fetched(parked.userId, List.of(), lastSeq, false));
        }
        heartbeats.unregister(500);
        files.close();
        store.close();
    }
}
