package org.groupchat.group;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * The reads of a {@link PostgresMessageStore}, each on an index that starts with the group: (group_id, seq) for
 * seq, (group_id, ts, seq) for since, (group_id, id) for ids. FETCH pages come as JSON built by the database.
 */
final class PostgresQueries {
    private static final String COLUMNS = "seq, id, ts, sender_id, sender_name, text, text_utf8, " + EventColumns.NAMES;
    // A message as PROTOCOL.md writes it, built by row_to_json from the chat_message type; null where text_utf8 holds
    // it.
    // An event's fields follow the message's, each only when set.
    private static final String MESSAGE_JSON = "CASE WHEN text IS NULL THEN NULL"
            + " WHEN kind IS NULL AND reply_to IS NULL AND mentions IS NULL THEN row_to_json(ROW(seq, id, ts,"
            + " ROW(sender_id, sender_name)::chat_sender, text)::chat_message)::text"
            + " ELSE json_strip_nulls(json_build_object('seq', seq, 'id', id, 'ts', ts, 'sender', json_build_object('id',"
            + " sender_id, 'name', sender_name), 'text', text, 'kind', kind, 'replyTo', reply_to, 'target', target,"
            + " 'emoji', emoji, 'member', member, 'mentions', mentions::json, 'file', file::json))::text END, seq";
    static final String ABOUT = "SELECT EXISTS (SELECT 1 FROM message WHERE group_id = ? AND target = ?"
            + " AND kind IN ('delete', 'remove')), (SELECT kind FROM message WHERE group_id = ? AND target = ?"
            + " AND sender_id = ? AND emoji = ? AND kind IN ('reaction', 'unreaction') ORDER BY seq DESC LIMIT 1)";
    static final String AFTER = " FROM message WHERE group_id = ? AND seq > ? ORDER BY seq LIMIT ?";
    static final String SINCE = " FROM message WHERE group_id = ? AND ts >= ? ORDER BY ts, seq LIMIT ?";
    static final String NEWEST = " FROM message WHERE group_id = ? ORDER BY seq DESC LIMIT ?";
    static final String BEFORE = " FROM message WHERE group_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?";

    private final long groupId;
    private final PreparedStatement selectById;
    private final PreparedStatement selectByIds;
    private final PreparedStatement selectBySeq;
    private final PreparedStatement selectAbout;
    private final PreparedStatement selectAfter;
    private final PreparedStatement selectSince;
    private final PreparedStatement selectNewest;
    private final PreparedStatement selectBefore;
    private final PreparedStatement jsonAfter;
    private final PreparedStatement jsonSince;
    private final PreparedStatement jsonNewest;
    private final Connection db;

    PostgresQueries(Connection db, long groupId) throws SQLException {
        this.db = db;
        this.groupId = groupId;
        selectById = db.prepareStatement("SELECT " + COLUMNS + " FROM message WHERE group_id = ? AND id = ?");
        selectByIds = db.prepareStatement("SELECT " + COLUMNS + " FROM message WHERE group_id = ? AND id = ANY(?)");
        selectBySeq = db.prepareStatement("SELECT " + COLUMNS + " FROM message WHERE group_id = ? AND seq = ?");
        selectAbout = db.prepareStatement(ABOUT);
        selectAfter = db.prepareStatement("SELECT " + COLUMNS + AFTER);
        selectSince = db.prepareStatement("SELECT " + COLUMNS + SINCE);
        selectNewest = db.prepareStatement("SELECT " + COLUMNS + NEWEST);
        selectBefore = db.prepareStatement("SELECT " + COLUMNS + BEFORE);
        jsonAfter = db.prepareStatement("SELECT " + MESSAGE_JSON + AFTER);
        jsonSince = db.prepareStatement("SELECT " + MESSAGE_JSON + SINCE);
        jsonNewest = db.prepareStatement("SELECT " + MESSAGE_JSON + NEWEST);
    }

    Optional<Message> findById(String id) throws SQLException {
        selectById.setLong(1, groupId);
        selectById.setString(2, id);
        List<Message> found = read(selectById);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The stored messages among {@code ids}, by id. */
    Map<String, Message> findByIds(Collection<String> ids) throws SQLException {
        selectByIds.setLong(1, groupId);
        selectByIds.setArray(2, db.createArrayOf("text", ids.toArray()));
        Map<String, Message> found = new HashMap<>();
        for (Message m : read(selectByIds)) {
            found.put(m.id(), m);
        }
        return found;
    }

    Optional<Message> bySeq(long seq) throws SQLException {
        selectBySeq.setLong(1, groupId);
        selectBySeq.setLong(2, seq);
        List<Message> found = read(selectBySeq);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    TargetState about(long target, String userId, String emoji) throws SQLException {
        selectAbout.setLong(1, groupId);
        selectAbout.setLong(2, target);
        selectAbout.setLong(3, groupId);
        selectAbout.setLong(4, target);
        selectAbout.setString(5, userId);
        selectAbout.setString(6, emoji);
        try (ResultSet rs = selectAbout.executeQuery()) {
            rs.next();
            return new TargetState(rs.getBoolean(1), "reaction".equals(rs.getString(2)));
        }
    }

    Page after(long afterSeq, int limit) throws SQLException {
        return Page.forward(read(bind(selectAfter, afterSeq, limit + 1)), limit);
    }

    Page since(long sinceMs, int limit) throws SQLException {
        return Page.forward(read(bind(selectSince, sinceMs, limit + 1)), limit);
    }

    Page newest(int limit) throws SQLException {
        selectNewest.setLong(1, groupId);
        selectNewest.setInt(2, limit + 1);
        return Page.backward(read(selectNewest), limit);
    }

    Page before(long beforeSeq, int limit) throws SQLException {
        return Page.backward(read(bind(selectBefore, beforeSeq, limit + 1)), limit);
    }

    EncodedPage encoded(FetchQuery query) throws SQLException {
        int limit = query.limit();
        if (query.mode() == FetchQuery.Mode.NEWEST) {
            jsonNewest.setLong(1, groupId);
            jsonNewest.setInt(2, limit + 1);
            List<byte[]> newestFirst = readJson(jsonNewest);
            boolean more = newestFirst.size() > limit;
            List<byte[]> page = new ArrayList<>(more ? newestFirst.subList(0, limit) : newestFirst);
            Collections.reverse(page);
            return EncodedPage.ofRows(page, more);
        }
        PreparedStatement st = query.mode() == FetchQuery.Mode.AFTER_SEQ ? jsonAfter : jsonSince;
        List<byte[]> rows = readJson(bind(st, query.from(), limit + 1));
        boolean more = rows.size() > limit;
        return EncodedPage.ofRows(more ? rows.subList(0, limit) : rows, more);
    }

    private PreparedStatement bind(PreparedStatement st, long from, int limit) throws SQLException {
        st.setLong(1, groupId);
        st.setLong(2, from);
        st.setInt(3, limit);
        return st;
    }

    /** Each row's JSON as the database wrote it; a message kept in text_utf8 is encoded here instead. */
    private List<byte[]> readJson(PreparedStatement st) throws SQLException {
        List<byte[]> rows = new ArrayList<>();
        List<Integer> encodeHere = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                byte[] json = rs.getBytes(1);
                if (json == null) {
                    encodeHere.add(rows.size());
                    seqs.add(rs.getLong(2));
                }
                rows.add(json);
            }
        }
        for (int i = 0; i < encodeHere.size(); i++) {
            selectBySeq.setLong(1, groupId);
            selectBySeq.setLong(2, seqs.get(i));
            rows.set(encodeHere.get(i), Json.write(read(selectBySeq).get(0)));
        }
        return rows;
    }

    /** Messages from rows of seq, id, ts, sender_id, sender_name, text, text_utf8 (text null: its bytes are in text_utf8). */
    static List<Message> read(PreparedStatement st) throws SQLException {
        List<Message> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String text = rs.getString(6);
                if (text == null) {
                    text = new String(rs.getBytes(7), StandardCharsets.UTF_8);
                }
                rows.add(EventColumns.read(
                        rs,
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        new User(rs.getString(4), rs.getString(5)),
                        text,
                        8));
            }
        }
        return rows;
    }
}
