package org.groupchat.group;

import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;

/** Answers a member's SEARCH (1.4, feature "search") from the store's full-text index; membership is checked before. */
final class GroupSearch {
    private GroupSearch() {}

    static Reply answer(MessageStore store, Request.Search search) throws ProtocolException {
        Page hits = store.search(SearchQuery.of(search));
        return new Reply.SearchHits(hits.messages(), hits.more());
    }
}
