package org.groupchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.RawZmtpPeer;
import org.groupchat.testing.TestGroups;
import org.groupchat.transport.SocketLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers that misbehave below the protocol, on raw TCP: the server keeps answering everyone else at once,
 * loses nothing it stored, and still stops cleanly.
 */
class HostileTransportTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");
    private static final ClientOptions NO_RETRY = new ClientOptions(Duration.ofSeconds(5), 0, Duration.ofMillis(10));

    @TempDir
    Path dataDir;

    private GroupServer server;
    private String endpoint;
    private Message storedBefore;

    @BeforeEach
    void startWithOneStoredMessage() {
        server = TestGroups.group(
                TestGroups.unlimited(GroupServerConfig.of("Target", TestGroups.ANY_PORT, null)), dataDir);
        endpoint = server.boundEndpoint().toString();
        try (GroupClient alice = new GroupClient(endpoint, ALICE)) {
            alice.join();
            storedBefore = alice.send("stored before the attack");
        }
    }

    @AfterEach
    void stopsCleanly() throws Exception {
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        closing.get(5, TimeUnit.SECONDS);
    }

    /** A fresh client, no retries: answered, with history intact. */
    private void othersAreStillServed() {
        try (GroupClient alice = new GroupClient(null, endpoint, ALICE, NO_RETRY)) {
            assertThat(alice.fetchAfter(0, 10, 0).messages()).first().isEqualTo(storedBefore);
            assertThat(alice.send("still here").seq()).isGreaterThan(storedBefore.seq());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            longs = {
                -1L, // 2^64-1: the int cast is negative (issue 1005 as reported)
                0x800000007FFFFFFFL, // the int cast is 2 GiB - 1
                0xFFFFFFFF80000000L, // the int cast is Integer.MIN_VALUE
                0x8000000000100000L // the int cast is 1 MiB, over the frame limit
            })
    void framesWhoseLengthReadsNegativeDoNotDeafenTheServer(long length) throws Exception {
        try (RawZmtpPeer evil = new RawZmtpPeer(endpoint).handshake()) {
            evil.send(RawZmtpPeer.frameHeader(length));
            othersAreStillServed();
        }
        othersAreStillServed();
    }

    @Test
    void randomGarbageInsteadOfZmtpIsDropped() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(1005).nextBytes(garbage);
        try (Socket raw = connect()) {
            raw.getOutputStream().write(garbage);
            raw.getOutputStream().flush();
            othersAreStillServed();
        }
    }

    @Test
    void truncatedGreetingsHeldOpenBlockNobody() throws Exception {
        List<Socket> halfGreeted = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket raw = connect();
                raw.getOutputStream().write(RawZmtpPeer.greeting(), 0, 5);
                raw.getOutputStream().flush();
                halfGreeted.add(raw);
            }
            othersAreStillServed();
        } finally {
            for (Socket socket : halfGreeted) {
                socket.close();
            }
        }
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedWithItsConnection() throws Exception {
        try (RawZmtpPeer big = new RawZmtpPeer(endpoint).handshake()) {
            big.send(RawZmtpPeer.frameHeader(SocketLimits.DEFAULT.maxFrameBytes() + 1));
            big.send(new byte[64 * 1024]);
            othersAreStillServed();
        }
    }

    @Test
    void twoThousandIdleConnectionsBlockNobody() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 2_000; i++) {
                idle.add(connect());
            }
            othersAreStillServed();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        Endpoint parsed = Endpoint.parse(endpoint);
        return new Socket(parsed.host(), parsed.port());
    }
}
