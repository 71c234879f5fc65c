package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/** The reads of a {@link SqliteMessageStore}: its prepared queries by id, seq and ts, as objects or as the wire's JSON. */
final class MessageQueries {
    private static final String COLUMNS = SqliteMessageStore.COLUMNS;
    // One message as PROTOCOL.md writes it, built by SQLite: one value to read per row instead of six.
    private static final String PLAIN_JSON = "json_object('seq', seq, 'id', id, 'ts', ts,"
            + " 'sender', json_object('id', sender_id, 'name', sender_name), 'text', text)";
    // An event's fields follow, each only when set, appended before the closing brace (the object ends with the text,
    // a JSON string, so rtrim takes one brace): 4x cheaper than json_patch. mentions is stored as a JSON array.
    private static final String MESSAGE_JSON = "CASE WHEN kind IS NULL AND reply_to IS NULL AND mentions IS NULL THEN "
            + PLAIN_JSON + " ELSE rtrim(" + PLAIN_JSON + ", '}')"
            + " || CASE WHEN kind IS NULL THEN '' ELSE ',\"kind\":' || json_quote(kind) END"
            + " || coalesce(',\"replyTo\":' || reply_to, '') || coalesce(',\"target\":' || target, '')"
            + " || CASE WHEN emoji IS NULL THEN '' ELSE ',\"emoji\":' || json_quote(emoji) END"
            + " || CASE WHEN member IS NULL THEN '' ELSE ',\"member\":' || json_quote(member) END"
            + " || coalesce(',\"mentions\":' || mentions, '') || coalesce(',\"file\":' || file, '') || '}' END";
    static final String ABOUT = "SELECT (SELECT 1 FROM messages WHERE target = ? AND kind IN ('delete', 'remove')"
            + " LIMIT 1), (SELECT kind FROM messages WHERE target = ? AND sender_id = ? AND emoji = ?"
            + " AND kind IN ('reaction', 'unreaction') ORDER BY seq DESC LIMIT 1)";

    // The index holds each message's current text under its seq: hits come newest first from the index itself.
    static final String SEARCH = "SELECT m.seq, m.id, m.ts, m.sender_id, m.sender_name, message_search.text, m."
            + EventColumns.NAMES.replace(", ", ", m.")
            + " FROM message_search JOIN messages m ON m.seq = message_search.rowid WHERE message_search MATCH ?"
            + " AND message_search.rowid < ? ORDER BY message_search.rowid DESC LIMIT ?";

    private final PreparedStatement selectById;
    private final PreparedStatement selectBySeq;
    private final PreparedStatement selectAbout;
    private final PreparedStatement selectAfter;
    private final PreparedStatement selectSince;
    private final PreparedStatement selectNewest;
    private final PreparedStatement selectBefore;
    private final PreparedStatement jsonAfter;
    private final PreparedStatement jsonSince;
    private final PreparedStatement jsonNewest;
    private final PreparedStatement search;

    MessageQueries(Connection db) throws SQLException {
        selectById = db.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE id = ?");
        selectBySeq = db.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE seq = ?");
        selectAbout = db.prepareStatement(ABOUT);
        selectAfter = db.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE seq > ? ORDER BY seq LIMIT ?");
        selectSince =
                db.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE ts >= ? ORDER BY ts, seq LIMIT ?");
        selectNewest = db.prepareStatement("SELECT " + COLUMNS + " FROM messages ORDER BY seq DESC LIMIT ?");
        selectBefore =
                db.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?");
        jsonAfter = db.prepareStatement("SELECT " + MESSAGE_JSON + " FROM messages WHERE seq > ? ORDER BY seq LIMIT ?");
        jsonSince =
                db.prepareStatement("SELECT " + MESSAGE_JSON + " FROM messages WHERE ts >= ? ORDER BY ts, seq LIMIT ?");
        jsonNewest = db.prepareStatement("SELECT " + MESSAGE_JSON + " FROM messages ORDER BY seq DESC LIMIT ?");
        search = db.prepareStatement(SEARCH);
    }

    Optional<Message> findById(String id) {
        try {
            selectById.setString(1, id);
            List<Message> found = read(selectById);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    Optional<Message> bySeq(long seq) {
        try {
            selectBySeq.setLong(1, seq);
            List<Message> found = read(selectBySeq);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    TargetState about(long target, String userId, String emoji) {
        try {
            selectAbout.setLong(1, target);
            selectAbout.setLong(2, target);
            selectAbout.setString(3, userId);
            selectAbout.setString(4, emoji);
            try (ResultSet rs = selectAbout.executeQuery()) {
                rs.next();
                rs.getInt(1);
                boolean takenBack = !rs.wasNull();
                return new TargetState(takenBack, "reaction".equals(rs.getString(2)));
            }
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    Page after(long afterSeq, int limit) {
        return forward(selectAfter, afterSeq, limit);
    }

    Page since(long sinceMs, int limit) {
        return forward(selectSince, sinceMs, limit);
    }

    private Page forward(PreparedStatement st, long from, int limit) {
        try {
            st.setLong(1, from);
            st.setInt(2, limit + 1);
            return Page.forward(read(st), limit);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    Page newest(int limit) {
        try {
            selectNewest.setInt(1, limit + 1);
            return Page.backward(read(selectNewest), limit);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    Page before(long beforeSeq, int limit) {
        try {
            selectBefore.setLong(1, beforeSeq);
            selectBefore.setInt(2, limit + 1);
            return Page.backward(read(selectBefore), limit);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    Page search(SearchQuery query) {
        if (query.words().isEmpty()) {
            return Page.EMPTY;
        }
        try {
            search.setString(1, query.fts5());
            search.setLong(2, query.beforeSeq());
            search.setInt(3, query.limit() + 1);
            return Page.forward(read(search), query.limit());
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    EncodedPage encoded(FetchQuery query) {
        try {
            if (query.mode() == FetchQuery.Mode.NEWEST) {
                jsonNewest.setInt(1, query.limit() + 1);
                List<byte[]> newestFirst = readJson(jsonNewest);
                boolean more = newestFirst.size() > query.limit();
                List<byte[]> page = new ArrayList<>(more ? newestFirst.subList(0, query.limit()) : newestFirst);
                Collections.reverse(page);
                return EncodedPage.ofRows(page, more);
            }
            PreparedStatement st = query.mode() == FetchQuery.Mode.AFTER_SEQ ? jsonAfter : jsonSince;
            st.setLong(1, query.from());
            st.setInt(2, query.limit() + 1);
            List<byte[]> rows = readJson(st);
            boolean more = rows.size() > query.limit();
            return EncodedPage.ofRows(more ? rows.subList(0, query.limit()) : rows, more);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    private static List<byte[]> readJson(PreparedStatement st) throws SQLException {
        List<byte[]> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getBytes(1));
            }
        }
        return rows;
    }

    private static List<Message> read(PreparedStatement st) throws SQLException {
        List<Message> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(EventColumns.read(
                        rs,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        new User(rs.getString(4), rs.getString(5)),
                        rs.getString(6),
                        7));
            }
        }
        return rows;
    }

    private static StorageException readFailure(SQLException e) {
        return new StorageException("could not read the message database: " + SqliteDatabaseFile.reason(e), e);
    }
}
