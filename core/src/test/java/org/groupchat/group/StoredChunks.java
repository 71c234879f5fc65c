package org.groupchat.group;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.groupchat.protocol.Json;
import org.groupchat.testing.TestDatabase;
import org.groupchat.testing.TestStore;

/** What the file contract tests read besides the replies: the chunk rows a store holds, and a raw reply's JSON. */
final class StoredChunks {
    private StoredChunks() {}

    /** The chunk rows the store of the group in {@code dataDir} holds, uploads and content alike. */
    static long count(TestStore store, Path dataDir) {
        String sql = store == TestStore.SQLITE
                ? "SELECT count(*) FROM file_chunks"
                : "SELECT count(*) FROM groupchat.file_chunk";
        try (Connection db = store == TestStore.SQLITE
                        ? DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("group.db"))
                        : DriverManager.getConnection(
                                TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not count the chunks: " + e.getMessage(), e);
        }
    }

    /** The JSON of a raw reply's first frame. */
    static JsonNode json(List<byte[]> frames) {
        try {
            return Json.mapper().readTree(frames.get(0));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
