package org.groupchat.group;

import java.util.List;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Request;

/** What a FETCH asks for: after a seq, since a time, or the newest; at most {@code limit} messages. */
record FetchQuery(Mode mode, long from, int limit) {
    enum Mode {
        AFTER_SEQ,
        SINCE_TS,
        NEWEST
    }

    /** The query of a FETCH request, its fields checked. */
    static FetchQuery of(Request.Fetch fetch, int defaultLimit) throws ProtocolException {
        int limit = Fields.limit(fetch.limit(), defaultLimit);
        if (fetch.afterSeq() != null) {
            return new FetchQuery(FetchQuery.Mode.AFTER_SEQ, Fields.nonNegative(fetch.afterSeq(), "afterSeq"), limit);
        }
        if (fetch.since() != null) {
            return new FetchQuery(FetchQuery.Mode.SINCE_TS, Fields.nonNegative(fetch.since(), "since"), limit);
        }
        return new FetchQuery(FetchQuery.Mode.NEWEST, 0, limit);
    }

    Page run(MessageStore store) {
        return switch (mode) {
            case AFTER_SEQ -> store.after(from, limit);
            case SINCE_TS -> store.since(from, limit);
            case NEWEST -> store.newest(limit);
        };
    }

    /**
     * The answer of a waiting query from the messages just stored (in seq order, each once), or null if none match.
     * A query waits only while no stored message matched it, and every batch is offered to it, so the fresh messages
     * are all it can match: no database read is needed.
     */
    Page answerFrom(List<Message> fresh) {
        List<Message> matching = switch (mode) {
            case AFTER_SEQ -> fresh.stream().filter(m -> m.seq() > from).toList();
            case SINCE_TS -> fresh.stream().filter(m -> m.ts() >= from).toList();
            case NEWEST -> fresh;
        };
        if (matching.isEmpty()) {
            return null;
        }
        boolean more = matching.size() > limit;
        if (!more) {
            return new Page(matching, false);
        }
        return mode == Mode.NEWEST
                ? new Page(matching.subList(matching.size() - limit, matching.size()), true)
                : new Page(matching.subList(0, limit), true);
    }
}
