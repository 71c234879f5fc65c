package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup while the servers serve, then restore, as an operator runs them: real processes, real files. */
class BackupIT {
    @TempDir
    Path work;

    @Test
    void aBackupTakenWhileSendingIsConsistentPrivateAndRestoresWithANewHistoryId() throws Exception {
        String endpoint = FreePorts.endpoint();
        User alice = new User(UUID.randomUUID().toString(), "Alice");
        String historyBefore;
        long sentBeforeRestore;
        try (ServerProcess servers = ServerProcess.startReady(
                        work,
                        "--group",
                        "Kept=" + endpoint,
                        "--data-dir",
                        "data",
                        "--registry",
                        FreePorts.endpoint(),
                        "--send-rate",
                        "0");
                GroupClient client = new GroupClient(endpoint, alice)) {
            historyBefore = client.join().historyId();
            AtomicBoolean sending = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            Thread sender = new Thread(
                    () -> {
                        try (GroupClient busy = new GroupClient(endpoint, alice)) {
                            while (sending.get()) {
                                busy.send("message " + sent.incrementAndGet());
                            }
                        }
                    },
                    "busy-sender");
            sender.start();
            await().until(() -> sent.get() > 50);

            CliRun backup = CliRun.runServers(work, "backup", "--data-dir", "data", "--to", "backups/one");
            long sentDuringBackup = sent.get();
            await().until(() -> sent.get() > sentDuringBackup + 50);
            sending.set(false);
            sender.join();
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("1 group(s)");
            assertThat(Files.getPosixFilePermissions(work.resolve("backups/one")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (var copies = Files.list(work.resolve("backups/one"))) {
                for (Path copy :
                        copies.filter(f -> f.toString().endsWith(".db")).toList()) {
                    assertThat(Files.getPosixFilePermissions(copy))
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                }
            }
            sentBeforeRestore = client.fetchNewest(1).lastSeq();
            assertThat(servers.terminate()).isZero();
        }

        CliRun refused = CliRun.runServers(work, "backup", "--data-dir", "data", "--to", "backups/one");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("exists already");
        CliRun restore = CliRun.runServers(work, "restore", "--from", "backups/one", "--data-dir", "data");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("new history id");

        try (ServerProcess servers = ServerProcess.startReady(
                        work, "--group", "Kept=" + endpoint, "--data-dir", "data", "--registry", FreePorts.endpoint());
                GroupClient client = new GroupClient(endpoint, alice)) {
            assertThat(client.join().historyId()).isNotEqualTo(historyBefore);
            List<Message> restored = new ArrayList<>();
            long last = client.forEachAfter(0, restored::add);
            assertThat(last).as("the copy is of a moment before the last sends").isBetween(50L, sentBeforeRestore - 50);
            assertThat(restored)
                    .extracting(Message::seq)
                    .as("gap-free, as one consistent moment")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, last).boxed().toList());
            assertThat(servers.terminate()).isZero();
        }
    }
}
