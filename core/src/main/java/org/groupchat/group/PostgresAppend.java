package org.groupchat.group;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groupchat.protocol.Message;

/**
 * Stores a batch of SENDs in one transaction: one INSERT of the whole batch and one COMMIT, two round trips. An id
 * already stored takes no seq: the insert skips it, and the batch is then stored again without it, with seqs
 * renumbered so they stay gap-free.
 */
final class PostgresAppend {
    private static final String INSERT = "INSERT INTO message(group_id, seq, id, ts, sender_id, sender_name, text, text_utf8)"
            + " SELECT ?, m.seq, m.id, ?, m.sender_id, m.sender_name, m.text, decode(m.text_hex, 'hex')"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS m(seq, id, sender_id, sender_name, text, text_hex)"
            + " ON CONFLICT (group_id, id) DO NOTHING RETURNING id";

    private final Connection db;
    private final long groupId;
    private final PostgresQueries queries;
    private final PreparedStatement insert;

    PostgresAppend(Connection db, long groupId, PostgresQueries queries) throws SQLException {
        this.db = db;
        this.groupId = groupId;
        this.queries = queries;
        insert = db.prepareStatement(INSERT);
    }

    /** Stores the batch after {@code lastSeq} at time {@code ts}; returns each message as stored, in batch order. */
    List<Message> append(List<NewMessage> batch, long lastSeq, long ts) throws SQLException {
        Map<String, NewMessage> unique = new LinkedHashMap<>();
        batch.forEach(m -> unique.putIfAbsent(m.id(), m));
        Map<String, Message> stored = new HashMap<>();
        db.setAutoCommit(false);
        try {
            List<Message> fresh = numbered(unique.values(), stored, lastSeq, ts);
            Set<String> inserted = insert(fresh, ts);
            if (inserted.size() < fresh.size()) {
                // Some ids were stored before (retries): their rows were skipped, which left holes in the seqs.
                db.rollback();
                stored.putAll(queries.findByIds(unique.keySet()));
                fresh = numbered(unique.values(), stored, lastSeq, ts);
                if (insert(fresh, ts).size() < fresh.size()) {
                    throw new SQLException("messages of this group were stored by another server meanwhile");
                }
            }
            db.commit();
            fresh.forEach(m -> stored.put(m.id(), m));
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        List<Message> result = new ArrayList<>(batch.size());
        batch.forEach(m -> result.add(stored.get(m.id())));
        return result;
    }

    private static List<Message> numbered(Iterable<NewMessage> unique, Map<String, Message> stored, long lastSeq, long ts) {
        List<Message> fresh = new ArrayList<>();
        long seq = lastSeq;
        for (NewMessage m : unique) {
            if (!stored.containsKey(m.id())) {
                fresh.add(new Message(++seq, m.id(), ts, m.sender(), m.text()));
            }
        }
        return fresh;
    }

    private Set<String> insert(List<Message> fresh, long ts) throws SQLException {
        int n = fresh.size();
        Long[] seqs = new Long[n];
        String[] ids = new String[n];
        String[] senderIds = new String[n];
        String[] senderNames = new String[n];
        String[] texts = new String[n];
        String[] textsHex = new String[n];
        for (int i = 0; i < n; i++) {
            Message m = fresh.get(i);
            seqs[i] = m.seq();
            ids[i] = m.id();
            senderIds[i] = m.sender().id();
            senderNames[i] = m.sender().name();
            // PostgreSQL's text cannot hold U+0000; such a message is kept as its UTF-8 bytes.
            if (m.text().indexOf('\0') >= 0) {
                textsHex[i] = HexFormat.of().formatHex(m.text().getBytes(StandardCharsets.UTF_8));
            } else {
                texts[i] = m.text();
            }
        }
        insert.setLong(1, groupId);
        insert.setLong(2, ts);
        insert.setArray(3, db.createArrayOf("bigint", seqs));
        insert.setArray(4, db.createArrayOf("text", ids));
        insert.setArray(5, db.createArrayOf("text", senderIds));
        insert.setArray(6, db.createArrayOf("text", senderNames));
        insert.setArray(7, db.createArrayOf("text", texts));
        insert.setArray(8, db.createArrayOf("text", textsHex));
        Set<String> inserted = new HashSet<>();
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                inserted.add(rs.getString(1));
            }
        }
        return inserted;
    }
}
