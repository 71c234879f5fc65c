package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.groupchat.protocol.Message;

/**
 * SEARCH on the PostgreSQL store, in two steps because no one plan suits every word: the group's newest indexed rows
 * are matched one by one, newest first, until the page is full or {@link #RECENT_ROWS} were read (a word in at least
 * 0.4% of the messages fills its page there), and only then does the GIN index find the older hits (a rarer word:
 * at most about 4,000 rows to fetch and sort on a million messages). Left to itself, the planner walked the whole
 * group backwards for a rare word, about 1 s on a million messages.
 */
final class PostgresSearch {
    // bench search, 1M messages, under load: 2,000 left too many hits to the GIN index, 10,000 cost too much to read.
    static final int RECENT_ROWS = 5_000;
    // A sub-select: once the driver prepares the statement, a generic plan would fold and parse the query for each row
    // read.
    private static final String MATCH = "words @@ (SELECT to_tsquery('simple', search_fold(?)))";
    // Each hit with its latest edit's text, if any; text_utf8 holds a text with U+0000.
    private static final String MESSAGES = " SELECT m.seq, m.id, m.ts, m.sender_id, m.sender_name,"
            + " CASE WHEN e.seq IS NULL THEN m.text ELSE e.text END, CASE WHEN e.seq IS NULL THEN m.text_utf8 ELSE e.text_utf8 END,"
            + " m." + EventColumns.NAMES.replace(", ", ", m.")
            + " FROM hit JOIN message m ON m.group_id = ? AND m.seq = hit.seq LEFT JOIN LATERAL (SELECT seq, text, text_utf8"
            + " FROM message WHERE group_id = m.group_id AND target = m.seq AND kind = 'edit' ORDER BY seq DESC LIMIT 1) e"
            + " ON true ORDER BY m.seq DESC";
    // Not materialized: the scan stops at the page's last hit instead of reading every one of the recent rows.
    private static final String IN_RECENT = "WITH hit AS (SELECT seq FROM (SELECT seq, words FROM message_search"
            + " WHERE group_id = ? AND seq < ? ORDER BY seq DESC LIMIT " + RECENT_ROWS + ") recent"
            + " WHERE " + MATCH + " ORDER BY seq DESC LIMIT ?)" + MESSAGES;
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
