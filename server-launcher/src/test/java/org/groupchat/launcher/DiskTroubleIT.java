package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.groupchat.client.GroupClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupDatabase;
import org.groupchat.group.NewMessage;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real disk trouble on a small tmpfs mounted for the test (needs root, as CI has; skipped otherwise):
 * a full disk gets error replies, never a false ack, and the server recovers when space returns.
 */
class DiskTroubleIT {
    @TempDir
    Path work;

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }

    private Path mountTmpfs(String options) throws Exception {
        Path disk = Files.createDirectories(work.resolve("disk"));
        assumeThat(run("mount", "-t", "tmpfs", "-o", options, "tmpfs", disk.toString()))
                .as("mounting a small tmpfs needs root")
                .isZero();
        return disk;
    }

    private static void unmount(Path disk) throws Exception {
        if (run("umount", disk.toString()) != 0) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    void aFullDiskGetsErrorRepliesNotFalseAcksAndServiceResumesWhenSpaceReturns() throws Exception {
        Path disk = mountTmpfs("size=600k");
        String endpoint = FreePorts.endpoint();
        String[] args = {
            "--group",
            "Full=" + endpoint,
            "--data-dir",
            disk.toString(),
            "--registry",
            FreePorts.endpoint(),
            "--send-rate",
            "0"
        };
        ServerProcess server = ServerProcess.startReady(work, args);
        User alice = new User(UUID.randomUUID().toString(), "Alice");
        try (GroupClient client = new GroupClient(endpoint, alice)) {
            client.join();
            String big = "z".repeat(16_000);
            int acked = 0;
            ServerErrorException refusal = null;
            while (refusal == null && acked < 1_000) {
                try {
                    client.send(big);
                    acked++;
                } catch (ServerErrorException e) {
                    refusal = e;
                }
            }
            assertThat(refusal).as("the disk filled up").isNotNull();
            assertThat(refusal.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(refusal.getMessage()).contains("not stored");
            List<Message> stored = IndependentReader.readAll(client);
            assertThat(stored).hasSize(acked);

            assertThat(run("mount", "-o", "remount,size=16m", disk.toString())).isZero();
            Message next = client.send("room again");
            assertThat(next.seq()).isEqualTo(acked + 1);

            assertThat(server.terminate()).isZero();
            server = ServerProcess.startReady(work, args);
            assertThat(IndependentReader.readAll(client)).hasSize(acked + 1);
        } finally {
            server.close();
            unmount(disk);
        }
    }

    @Test
    void aReadOnlyDataFolderAtStartIsOneClearLine() throws Exception {
        Path disk = mountTmpfs("size=1m,ro");
        try {
            ServerProcess server =
                    ServerProcess.start(work, "--group", "RO=tcp://127.0.0.1:*", "--data-dir", disk.toString());
            assertThat(server.waitFor()).isEqualTo(2);
            await().until(() -> !server.err().isEmpty());
            assertThat(server.err()).hasSize(1);
            assertThat(server.err().get(0)).contains("cannot be written");
        } finally {
            unmount(disk);
        }
    }

    @Test
    void aDamagedDatabaseIsRefusedAtStartWithOneClearLine() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Files.writeString(GroupDatabase.fileFor(data, "Broken"), "not a database ".repeat(500));
        ServerProcess server = ServerProcess.start(work, "--group", "Broken=tcp://127.0.0.1:*", "--data-dir", "data");
        assertThat(server.waitFor()).isEqualTo(2);
        await().until(() -> !server.err().isEmpty());
        assertThat(server.err()).hasSize(1);
        assertThat(server.err().get(0)).contains("is damaged").contains("restore it from a backup");
    }

    @Test
    void damageOnlyTheWholeFileCheckSeesStopsTheServerWithOneClearLine() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Path file = GroupDatabase.fileFor(data, "Worn");
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            User writer = new User(UUID.randomUUID().toString(), "Writer");
            store.putMember(writer);
            store.append(IntStream.range(0, 3_000)
                    .mapToObj(i -> new NewMessage(
                            UUID.randomUUID().toString(), writer, "message " + i + " " + "x".repeat(200)))
                    .toList());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        // the pages holding a message's text: the middle of the file may hold the search index, which the checks at
        // open read (the server would then refuse to start, exit 2, instead of stopping later)
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("message 1500 x");
        assertThat(at).as("where message 1500 is stored").isPositive();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at - at % 4_096);
            byte[] garbage = new byte[8_192];
            new Random(7).nextBytes(garbage);
            raf.write(garbage);
        }
        ServerProcess server = ServerProcess.start(work, "--group", "Worn=tcp://127.0.0.1:*", "--data-dir", "data");
        assertThat(server.waitFor()).isEqualTo(4);
        await().until(() -> server.err().stream().anyMatch(line -> line.contains("stopped unexpectedly")));
        assertThat(server.err())
                .filteredOn(line -> line.contains("stopped unexpectedly"))
                .singleElement()
                .asString()
                .contains("the group \"Worn\"")
                .contains("is damaged")
                .contains("restore it from a backup");
    }
}
