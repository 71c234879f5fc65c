package org.groupchat.group;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/** The event columns of the log (schema 18: kind, reply_to, target, emoji, member, mentions; 21: file), written and read alike by both stores. */
final class EventColumns {
    static final String NAMES = "kind, reply_to, target, emoji, member, mentions, file";
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
    /** How many columns {@link #NAMES} lists. */
    static final int COUNT = 7;

    private EventColumns() {}

    /** Binds the six event columns from parameter {@code first} on. */
    static void bind(PreparedStatement st, int first, Message m) throws SQLException {
        st.setString(first, m.kind());
        setLong(st, first + 1, m.replyTo());
        setLong(st, first + 2, m.target());
        st.setString(first + 3, m.emoji());
        st.setString(first + 4, m.member());
        st.setString(first + 5, mentionsJson(m.mentions()));
        st.setString(first + 6, fileJson(m.file()));
    }

    /** The message of a row whose event columns start at column {@code first}. */
    static Message read(ResultSet rs, long seq, String id, long ts, User sender, String text, int first)
            throws SQLException {
        return new Message(
                seq,
                id,
                ts,
                sender,
                text,
                rs.getString(first),
                longOrNull(rs, first + 1),
                longOrNull(rs, first + 2),
                rs.getString(first + 3),
                rs.getString(first + 4),
                mentions(rs.getString(first + 5)),
                file(rs.getString(first + 6)));
    }

    static String mentionsJson(List<String> mentions) {
        return mentions == null ? null : new String(Json.write(mentions), StandardCharsets.UTF_8);
    }

    /** A file event's description (1.5) as its JSON object, or null. */
    static String fileJson(FileInfo file) {
        return file == null ? null : new String(Json.write(file), StandardCharsets.UTF_8);
    }

    private static FileInfo file(String json) {
        try {
            return json == null ? null : Json.mapper().readValue(json, FileInfo.class);
        } catch (IOException e) {
            throw new StorageException("a stored file event has an unreadable description: " + json, e);
        }
    }

    private static List<String> mentions(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, IDS);
        } catch (IOException e) {
            throw new StorageException("a stored message has unreadable mentions: " + json, e);
        }
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }

    private static Long longOrNull(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }
}
