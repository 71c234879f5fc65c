package org.groupchat.group;

import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;

/** Pages of a group's history a member asks for besides FETCH: BEFORE, and SEARCH (1.4) from the full-text index. */
final class HistoryPages {
    private HistoryPages() {}

    /** Membership is checked before; {@code firstSeq}: where history begins after retention, or null. */
    static Reply before(MessageStore store, Request.Before before, int defaultLimit, Long firstSeq)
            throws ProtocolException {
        if (before.beforeSeq() == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "\"beforeSeq\" is required");
        }
        long beforeSeq = Fields.nonNegative(before.beforeSeq(), "beforeSeq");
        Page page = store.before(beforeSeq, Fields.limit(before.limit(), defaultLimit));
        return new Reply.History(page.messages(), page.more(), firstSeq);
    }

    /** Membership is checked before. */
    static Reply search(MessageStore store, Request.Search search) throws ProtocolException {
        Page hits = store.search(SearchQuery.of(search));
        return new Reply.SearchHits(hits.messages(), hits.more());
    }
}
