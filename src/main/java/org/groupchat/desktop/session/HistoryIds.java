package org.groupchat.desktop.session;

import org.groupchat.protocol.Reply;

/**
 * The group's history id as its replies carry it (JOIN and FETCH, protocol 1.2): it changes only when the group's
 * history was replaced, e.g. restored from a backup, after which a {@code seq} may name another message.
 */
final class HistoryIds {
    private String known;

    /** True when {@code reply} carries a history id other than the one seen before. */
    boolean changedBy(Reply reply) {
        String id = reply instanceof Reply.Joined joined
                ? joined.historyId()
                : reply instanceof Reply.Fetched fetched ? fetched.historyId() : null;
        if (id == null) {
            return false;
        }
        boolean changed = known != null && !known.equals(id);
        known = id;
        return changed;
    }
}
