package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.User;
import org.groupchat.testing.RawZmtpPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JeroMQ issue 1005 and its variants against a server process with a small heap: a 9-byte frame header whose length
 * reads as 2 GiB must not reserve that memory (an OutOfMemoryError there kills the socket's I/O thread).
 */
class HugeFrameLengthIT {
    private static final ClientOptions NO_RETRY = new ClientOptions(Duration.ofSeconds(5), 0, Duration.ofMillis(10));

    @TempDir
    Path work;

    @Test
    void aSmallHeapServerSurvivesFramesAnnouncingGigabytes() throws Exception {
        String endpoint = FreePorts.endpoint();
        User alice = new User(UUID.randomUUID().toString(), "Alice");
        try (ServerProcess server = ServerProcess.startReadyWith(
                work,
                List.of("-Xmx64m"),
                "--group",
                "Small=" + endpoint,
                "--data-dir",
                "data",
                "--registry",
                FreePorts.endpoint())) {
            try (GroupClient setup = new GroupClient(endpoint, alice)) {
                setup.join();
            }
            for (long length : new long[] {0x800000007FFFFFFFL, -1L, 0x8000000040000000L}) {
                try (RawZmtpPeer evil = new RawZmtpPeer(endpoint).handshake()) {
                    evil.send(RawZmtpPeer.frameHeader(length));
                    for (int i = 0; i < 3; i++) {
                        try (GroupClient fresh = new GroupClient(null, endpoint, alice, NO_RETRY)) {
                            assertThat(fresh.send("after a header of " + Long.toHexString(length))
                                            .seq())
                                    .isPositive();
                        }
                    }
                }
            }
            assertThat(server.terminate()).as("still stops cleanly").isZero();
            assertThat(server.err()).noneMatch(line -> line.contains("OutOfMemoryError"));
        }
    }
}
