package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unexpected error in one pass of a server's loop is logged and the server serves on; it does not die. */
class ServerLoopResilienceTest {
    @TempDir
    Path dataDir;

    @Test
    void anErrorOutsideAnyRequestDoesNotStopTheServer() {
        FaultOnceStore store =
                new FaultOnceStore(SqliteMessageStore.open(dataDir.resolve("g.db"), Durability.PROCESS_CRASH));
        GroupServer server = new GroupServer(GroupServerConfig.of("Resilient", TestGroups.ANY_PORT, null), store);
        server.start();
        try (GroupClient alice = new GroupClient(
                server.boundEndpoint().toString(), new User("11111111-1111-4111-8111-111111111111", "Alice"))) {
            alice.join();
            store.failNextLastSeq();
            await().until(store::fired);
            assertThat(server.isRunning()).isTrue();
            assertThat(alice.send("still serving").seq()).isEqualTo(1);
            assertThat(server.stopped()).isNotDone();
        } finally {
            server.close();
        }
        assertThat(server.stopped()).isCompleted();
    }
}
