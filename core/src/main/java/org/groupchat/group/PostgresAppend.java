package org.groupchat.group;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groupchat.protocol.Message;

/**
 * Stores a batch of SENDs as one statement in autocommit, so the batch is one transaction and one round trip. The
 * statement numbers only the ids not stored yet (seq = last + 1, 2, ... in batch order), so seq stays gap-free and
 * an id already stored takes no seq; those are then read back as stored.
 */
final class PostgresAppend {
    static final String INSERT =
            "WITH lease AS (SELECT epoch FROM group_lease WHERE group_id = ? AND epoch = ? FOR SHARE),"
                    + " m AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
                    + " AS m(id, sender_id, sender_name, text, text_hex, kind, reply_to, target, emoji, member, mentions, file, ord)),"
                    // The ids already stored, read once on the (group_id, id) index: a NOT EXISTS per row was planned,
                    // once the
                    // driver prepared the statement on the server, as a hash anti-join over a scan of every message.
                    + " fresh AS (SELECT m.*, row_number() OVER (ORDER BY m.ord) AS n FROM m"
                    + " WHERE m.id <> ALL (ARRAY(SELECT s.id FROM message s WHERE s.group_id = ? AND s.id = ANY(?::text[])))),"
                    + " ins AS (INSERT INTO message(group_id, seq, id, ts, sender_id, sender_name, text, text_utf8, "
                    + EventColumns.NAMES
                    + ") SELECT ?, ? + n, id, ?, sender_id, sender_name, text, decode(text_hex, 'hex'),"
                    + " " + EventColumns.NAMES + " FROM fresh"
                    + " WHERE EXISTS (SELECT 1 FROM lease) RETURNING id, seq)"
                    // The lease's row comes back (with a null id) only while this server's epoch is the group's newest.
                    + " SELECT id, seq FROM ins UNION ALL SELECT NULL, epoch FROM lease";

    private final Connection db;
    private final long groupId;
    private final long epoch;
    private final PostgresQueries queries;
    private final PreparedStatement insert;

    PostgresAppend(Connection db, long groupId, long epoch, PostgresQueries queries) throws SQLException {
        this.db = db;
        this.groupId = groupId;
        this.epoch = epoch;
        this.queries = queries;
        insert = db.prepareStatement(INSERT);
    }

    /** Stores the batch after {@code lastSeq} at time {@code ts}; returns each message as stored, in batch order. */
    List<Message> append(List<NewMessage> batch, long lastSeq, long ts) throws SQLException {
        Map<String, NewMessage> unique = new LinkedHashMap<>();
        batch.forEach(m -> unique.putIfAbsent(m.id(), m));
        Map<String, Long> inserted = insert(new ArrayList<>(unique.values()), lastSeq, ts);
        Map<String, Message> stored = new HashMap<>();
        List<String> before = new ArrayList<>();
        for (NewMessage m : unique.values()) {
            Long seq = inserted.get(m.id());
            if (seq != null) {
                stored.put(m.id(), m.stored(seq, ts));
            } else {
                before.add(m.id());
            }
        }
        if (!before.isEmpty()) {
            stored.putAll(queries.findByIds(before));
        }
        List<Message> result = new ArrayList<>(batch.size());
        for (NewMessage m : batch) {
            Message message = stored.get(m.id());
            if (message == null) {
                throw new SQLException("message " + m.id() + " is neither new nor stored");
            }
            result.add(message);
        }
        return result;
    }

    private Map<String, Long> insert(List<NewMessage> messages, long lastSeq, long ts) throws SQLException {
        int n = messages.size();
        String[] ids = new String[n];
        String[] senderIds = new String[n];
        String[] senderNames = new String[n];
        String[] texts = new String[n];
        String[] textsHex = new String[n];
        String[] kinds = new String[n];
        Long[] replyTos = new Long[n];
        Long[] targets = new Long[n];
        String[] emojis = new String[n];
        String[] members = new String[n];
        String[] mentions = new String[n];
        String[] files = new String[n];
        for (int i = 0; i < n; i++) {
            NewMessage m = messages.get(i);
            ids[i] = m.id();
            senderIds[i] = m.sender().id();
            senderNames[i] = m.sender().name();
            kinds[i] = m.kind();
            replyTos[i] = m.replyTo();
            targets[i] = m.target();
            emojis[i] = m.emoji();
            members[i] = m.member();
            mentions[i] = EventColumns.mentionsJson(m.mentions());
            files[i] = EventColumns.fileJson(m.file());
            // PostgreSQL's text cannot hold U+0000; such a message is kept as its UTF-8 bytes.
            if (m.text().indexOf('\0') >= 0) {
                textsHex[i] = HexFormat.of().formatHex(m.text().getBytes(StandardCharsets.UTF_8));
            } else {
                texts[i] = m.text();
            }
        }
        insert.setLong(1, groupId);
        insert.setLong(2, epoch);
        insert.setArray(3, db.createArrayOf("text", ids));
        insert.setArray(4, db.createArrayOf("text", senderIds));
        insert.setArray(5, db.createArrayOf("text", senderNames));
        insert.setArray(6, db.createArrayOf("text", texts));
        insert.setArray(7, db.createArrayOf("text", textsHex));
        insert.setArray(8, db.createArrayOf("text", kinds));
        insert.setArray(9, db.createArrayOf("bigint", replyTos));
        insert.setArray(10, db.createArrayOf("bigint", targets));
        insert.setArray(11, db.createArrayOf("text", emojis));
        insert.setArray(12, db.createArrayOf("text", members));
        insert.setArray(13, db.createArrayOf("text", mentions));
        insert.setArray(14, db.createArrayOf("text", files));
        insert.setLong(15, groupId);
        insert.setArray(16, db.createArrayOf("text", ids));
        insert.setLong(17, groupId);
        insert.setLong(18, lastSeq);
        insert.setLong(19, ts);
        Map<String, Long> inserted = new HashMap<>();
        boolean ourTurn = false;
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (id == null) {
                    ourTurn = true;
                } else {
                    inserted.put(id, rs.getLong(2));
                }
            }
        }
        if (!ourTurn) {
            throw new TurnLostException("another server has taken the group over (this server's epoch " + epoch
                    + " is no longer the newest)");
        }
        return inserted;
    }
}
