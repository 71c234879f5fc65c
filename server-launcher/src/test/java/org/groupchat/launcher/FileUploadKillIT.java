package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group server killed with kill -9 in the middle of an upload: the upload resumes, and the file is stored once. */
class FileUploadKillIT {
    private static final int CHUNK = 128 * 1024;
    private static final int SIZE = 48 * CHUNK + 999;

    @TempDir
    Path work;

    @Test
    void anUploadInterruptedByKillMinus9ResumesAndTheFileIsStoredOnceWithOneEvent() throws Exception {
        String endpoint = FreePorts.endpoint();
        String[] args = {"--group", "Files=" + endpoint, "--data-dir", "data", "--registry", FreePorts.endpoint()};
        byte[] content = new byte[SIZE];
        new Random(16).nextBytes(content);
        Path file = Files.write(work.resolve("video.bin"), content);
        String fileId = UUID.randomUUID().toString();
        User alice = new User(UUID.randomUUID().toString(), "Alice");
        ClientOptions quick =
                ClientOptions.DEFAULT.withTimeout(Duration.ofMillis(500)).withRetries(1);

        ServerProcess server = ServerProcess.startReady(work, args);
        try {
            CountDownLatch halfway = new CountDownLatch(1);
            CompletableFuture<Message> first;
            try (GroupClient client = new GroupClient(null, endpoint, alice, quick)) {
                client.join();
                first = CompletableFuture.supplyAsync(() -> new FileTransfer(client)
                        .upload(file, fileId, null, (done, total) -> {
                            if (done >= total / 2) {
                                halfway.countDown();
                            }
                        }));
                assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();
                server.kill9();
                assertThat(first).failsWithin(Duration.ofSeconds(30));
            }
            long storedBeforeRestart = chunkRows(work.resolve("data"));
            assertThat(storedBeforeRestart).isBetween(1L, 48L);

            server = ServerProcess.startReady(work, args);
            try (GroupClient client = new GroupClient(null, endpoint, alice, ClientOptions.DEFAULT)) {
                long[] resumedFrom = {-1};
                Message event = new FileTransfer(client).upload(file, fileId, null, (done, total) -> {
                    if (resumedFrom[0] < 0) {
                        resumedFrom[0] = done;
                    }
                });
                assertThat(resumedFrom[0]).isEqualTo(storedBeforeRestart * CHUNK);
                assertThat(event.file().sha256()).isEqualTo(sha256(content));

                List<Message> log = client.fetchAfter(0, 100, 0).messages();
                assertThat(log).extracting(Message::kind).containsExactly("file");
                Path got =
                        new FileTransfer(client).download(fileId, work.resolve("copy.bin"), FileTransfer.Progress.NONE);
                assertThat(sha256(Files.readAllBytes(got))).isEqualTo(sha256(content));
            }
            assertThat(chunkRows(work.resolve("data"))).isEqualTo(49);
            System.out.printf(
                    "files: kill -9 after %d of 49 chunks; resumed from chunk %d; one event, hash verified%n",
                    storedBeforeRestart, storedBeforeRestart);
        } finally {
            server.close();
        }
    }

    /** The chunk rows in the group's database, read beside the running server. */
    private static long chunkRows(Path dataDir) throws Exception {
        Path db;
        try (var files = Files.walk(dataDir)) {
            db = files.filter(p -> p.toString().endsWith(".db")).findFirst().orElseThrow();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM file_chunks")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
