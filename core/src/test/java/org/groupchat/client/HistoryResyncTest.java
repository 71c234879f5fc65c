package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupchat.group.GroupBackup;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group restored from an older copy hands out seqs a client has seen with other text; the client library starts over. */
class HistoryResyncTest {
    @TempDir
    Path dataDir;

    private GroupServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRestoredGroupMakesTheClientFetchItsHistoryAgainFromTheStart() throws Exception {
        String endpoint;
        try (ServerSocket free = new ServerSocket(0)) {
            endpoint = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        server = TestGroups.group(GroupServerConfig.of("Restored", endpoint, null), dataDir);
        try (GroupClient alice =
                new GroupClient(endpoint, new User(UUID.randomUUID().toString(), "Alice"))) {
            AtomicInteger replaced = new AtomicInteger();
            alice.onHistoryReplaced(replaced::incrementAndGet);
            alice.join();
            String first = alice.historyId();
            alice.send("kept by the backup");
            GroupBackup.backup(dataDir.resolve("group.db"), dataDir.resolve("backup.db"));
            alice.send("lost with the restore");
            List<String> seen = new ArrayList<>();
            long last = alice.forEachAfter(0, m -> seen.add(m.text()));
            assertThat(last).isEqualTo(2);

            server.close();
            GroupBackup.restore(dataDir.resolve("backup.db"), dataDir.resolve("group.db"));
            server = TestGroups.group(GroupServerConfig.of("Restored", endpoint, null), dataDir);
            Message reused = alice.send("written after the restore");
            assertThat(reused.seq())
                    .as("the restored group hands out seq 2 again")
                    .isEqualTo(2);

            List<String> afterRestore = alice.fetchAfter(last, 100, 0).messages().stream()
                    .map(Message::text)
                    .toList();

            assertThat(replaced).hasValue(1);
            assertThat(alice.historyId()).isNotEqualTo(first);
            assertThat(afterRestore)
                    .as("the whole new history, not what follows an old seq")
                    .containsExactly("kept by the backup", "written after the restore");
        }
    }
}
