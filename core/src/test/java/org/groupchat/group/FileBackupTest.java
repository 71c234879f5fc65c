package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SQLite group's online backup holds its shared files with its log, and a restore serves them again. */
class FileBackupTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileServingHoldsTheFilesAndARestoreServesThem() throws Exception {
        byte[] content = new byte[300_000];
        new Random(17).nextBytes(content);
        Path shared = Files.write(dir.resolve("plan.pdf"), content);
        Path live = Files.createDirectories(dir.resolve("live"));
        Message event;
        GroupServer server = TestGroups.group(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null), live);
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), ALICE)) {
            alice.join();
            event = new FileTransfer(alice).upload(shared, FileTransfer.Progress.NONE);
            GroupBackup.backup(live.resolve("group.db"), dir.resolve("backup.db"));
        } finally {
            server.close();
        }
        Path restored = Files.createDirectories(dir.resolve("restored"));
        GroupBackup.restore(dir.resolve("backup.db"), restored.resolve("group.db"));
        server = TestGroups.group(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null), restored);
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), ALICE)) {
            assertThat(alice.fetchAfter(0, 10, 0).messages())
                    .extracting(Message::kind)
                    .containsExactly("file");
            Path got = new FileTransfer(alice)
                    .download(event.file().id(), dir.resolve("got.pdf"), FileTransfer.Progress.NONE);
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
        } finally {
            server.close();
        }
    }
}
