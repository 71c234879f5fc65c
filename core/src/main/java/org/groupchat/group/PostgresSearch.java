package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.groupchat.protocol.Message;

/**
 * SEARCH on the PostgreSQL store, in two steps because no one plan suits every word: the newest rows of the group's
 * index are read first and matched (a frequent word fills the page there at once), and only when they hold too few
 * hits does the GIN index find the older ones (a rare word: few rows to fetch and sort). Left to itself, the planner
 * walked the whole group backwards for a rare word, about 1 s on a million messages.
 */
final class PostgresSearch {
    static final int RECENT_ROWS = 2_000;
    private static final String MATCH = "words @@ to_tsquery('simple', search_fold(?))";
    // Each hit with its latest edit's text, if any; text_utf8 holds a text with U+0000.
    private static final String MESSAGES = " SELECT m.seq, m.id, m.ts, m.sender_id, m.sender_name,"
            + " CASE WHEN e.seq IS NULL THEN m.text ELSE e.text END, CASE WHEN e.seq IS NULL THEN m.text_utf8 ELSE e.text_utf8 END,"
            + " m." + EventColumns.NAMES.replace(", ", ", m.")
            + " FROM hit JOIN message m ON m.group_id = ? AND m.seq = hit.seq LEFT JOIN LATERAL (SELECT seq, text, text_utf8"
            + " FROM message WHERE group_id = m.group_id AND target = m.seq AND kind = 'edit' ORDER BY seq DESC LIMIT 1) e"
            + " ON true ORDER BY m.seq DESC";
    private static final String IN_RECENT = "WITH recent AS MATERIALIZED (SELECT seq, words FROM message_search"
            + " WHERE group_id = ? AND seq < ? ORDER BY seq DESC LIMIT " + RECENT_ROWS + "),"
            + " hit AS (SELECT seq FROM recent WHERE " + MATCH + " ORDER BY seq DESC LIMIT ?)" + MESSAGES;
    // seq + 0: sorting on an expression keeps the planner off the backward walk of the primary key.
    private static final String BY_INDEX = "WITH hit AS (SELECT seq FROM message_search WHERE group_id = ? AND seq < ?"
            + " AND " + MATCH + " ORDER BY seq + 0 DESC LIMIT ?)" + MESSAGES;

    private final long groupId;
    private final PreparedStatement inRecent;
    private final PreparedStatement byIndex;

    PostgresSearch(Connection db, long groupId) throws SQLException {
        this.groupId = groupId;
        inRecent = db.prepareStatement(IN_RECENT);
        byIndex = db.prepareStatement(BY_INDEX);
    }

    Page run(SearchQuery query) throws SQLException {
        if (query.words().isEmpty()) {
            return Page.EMPTY;
        }
        List<Message> hits = read(inRecent, query);
        if (hits.size() <= query.limit()) {
            hits = read(byIndex, query);
        }
        return Page.forward(hits, query.limit());
    }

    private List<Message> read(PreparedStatement st, SearchQuery query) throws SQLException {
        st.setLong(1, groupId);
        st.setLong(2, query.beforeSeq());
        st.setString(3, query.tsquery());
        st.setInt(4, query.limit() + 1);
        st.setLong(5, groupId);
        return PostgresQueries.read(st);
    }
}
