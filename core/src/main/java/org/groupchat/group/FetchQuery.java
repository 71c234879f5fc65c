package org.groupchat.group;

import java.util.List;
import org.groupchat.protocol.Message;

/** What a FETCH asks for: after a seq, since a time, or the newest; at most {@code limit} messages. */
record FetchQuery(Mode mode, long from, int limit) {
    enum Mode { AFTER_SEQ, SINCE_TS, NEWEST }

    Page run(MessageStore store) {
        return switch (mode) {
            case AFTER_SEQ -> store.after(from, limit);
            case SINCE_TS -> store.since(from, limit);
            case NEWEST -> store.newest(limit);
        };
    }

    /**
     * Answers from the messages just stored when they are exactly what this query has yet to see, which
     * saves a database read for the common long poll; otherwise returns null.
     */
    Page fromFreshMessages(long lastSeqBefore, List<Message> fresh) {
        if (mode != Mode.AFTER_SEQ || from < lastSeqBefore) {
            return null;
        }
        List<Message> unseen = fresh.stream().filter(m -> m.seq() > from).toList();
        boolean more = unseen.size() > limit;
        return new Page(more ? unseen.subList(0, limit) : unseen, more);
    }
}
