package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.LostDatabase;
import org.groupchat.testing.TestDatabase;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group's files on PostgreSQL survive a lost database connection as its messages do: an upload resumes after. */
class PostgresFileReconnectTest extends GroupServerTestBase {
    private static final int CHUNK = FileTransfers.CHUNK_SIZE;

    @TempDir
    Path files;

    PostgresFileReconnectTest() {
        super(TestStore.POSTGRESQL);
    }

    @Test
    void anUploadCutByALostDatabaseResumesFromItsLastStoredChunkOnceTheDatabaseIsBack() throws Exception {
        assertOk(join(ALICE, "Alice"));
        byte[] content = FileContract.bytes(5 * CHUNK + 3, 31);
        String id = UUID.randomUUID().toString();
        assertOk(raw.send(beginJson(id, content)));
        assertThat(offsetOf(chunk(id, 0, content))).isEqualTo(CHUNK);
        assertThat(offsetOf(chunk(id, 1, content))).isEqualTo(2L * CHUNK);
        try (LostDatabase down = LostDatabase.now()) {
            for (int i = 0; i < 3; i++) {
                JsonNode lost = chunk(id, 2, content);
                assertError(lost, "INTERNAL");
                assertThat(lost.path("error").path("message").asText()).contains("it was not applied");
            }
        }
        JsonNode resumed = await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> raw.send(beginJson(id, content)),
                        reply -> reply.path("ok").asBoolean());
        assertThat(resumed.path("offset").asLong()).isEqualTo(2L * CHUNK);

        Path file = Files.write(files.resolve("cut.bin"), content);
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), new User(ALICE, "Alice"))) {
            Message event =
                    new FileTransfer(alice).upload(file, id, "application/octet-stream", FileTransfer.Progress.NONE);
            assertThat(event.file().sha256()).isEqualTo(FileContract.sha256(content));
            assertThat(alice.fetchAfter(0, 100, 0).messages())
                    .extracting(Message::kind)
                    .containsExactly("file");
            Path got = new FileTransfer(alice).download(id, files.resolve("got.bin"), FileTransfer.Progress.NONE);
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
        }
        try (Connection db = DriverManager.getConnection(
                        TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM groupchat.file_chunk")) {
            rs.next();
            assertThat(rs.getLong(1)).as("each chunk stored once").isEqualTo(6);
        }
    }

    private static String beginJson(String id, byte[] content) {
        return "{\"op\":\"FILE_BEGIN\",\"user\":{\"id\":\"" + ALICE + "\"},\"fileId\":\"" + id
                + "\",\"name\":\"cut.bin\",\"size\":" + content.length + ",\"sha256\":\""
                + FileContract.sha256(content) + "\",\"mediaType\":\"application/octet-stream\"}";
    }

    private JsonNode chunk(String id, int index, byte[] content) throws Exception {
        byte[] bytes = Arrays.copyOfRange(content, index * CHUNK, Math.min(content.length, (index + 1) * CHUNK));
        byte[] json = ("{\"op\":\"FILE_CHUNK\",\"user\":{\"id\":\"" + ALICE + "\"},\"fileId\":\"" + id
                        + "\",\"offset\":" + (long) index * CHUNK + ",\"sha256\":\"" + FileContract.sha256(bytes)
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        List<byte[]> reply = raw.sendFrames(json, bytes);
        return Json.mapper().readTree(reply.get(0));
    }

    private static long offsetOf(JsonNode reply) {
        return assertOk(reply).path("offset").asLong();
    }
}
