package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestStore;
import org.groupchat.transport.ConnectingSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * File ops in flight together on one connection (a DEALER, as {@link FileTransfer} keeps a window of them), and content
 * kept once for several file events; {@link FilePipelineContractTest} runs it on each store.
 */
abstract class FilePipelineContract extends GroupServerTestBase {
    private static final int CHUNK = FileTransfers.CHUNK_SIZE;

    @TempDir
    Path files;

    FilePipelineContract(TestStore store) {
        super(store);
    }

    @Test
    void chunksInFlightAreAnsweredInOrderAndAStoredOneOrOneTooFarStoresNothing() throws IOException {
        assertOk(join(ALICE, "Alice"));
        byte[] content = FileContract.bytes(4 * CHUNK, 21);
        String id = UUID.randomUUID().toString();
        assertOk(raw.send(beginJson(id, content)));
        try (ZContext context = new ZContext(1);
                ZMQ.Socket dealer = context.createSocket(SocketType.DEALER)) {
            ConnectingSockets.configure(dealer);
            dealer.setReceiveTimeOut(5_000);
            dealer.connect(server.boundEndpoint().toString());
            // all sent before any reply: 0, 1, 0 again, 3 (beyond what is stored then), 2
            for (int index : new int[] {0, 1, 0, 3, 2}) {
                sendChunk(dealer, id, index, content);
            }
            assertThat(offsetOf(receive(dealer))).isEqualTo(CHUNK);
            assertThat(offsetOf(receive(dealer))).isEqualTo(2L * CHUNK);
            assertThat(offsetOf(receive(dealer))).isEqualTo(2L * CHUNK);
            JsonNode tooFar = assertError(receive(dealer), "BAD_REQUEST");
            assertThat(tooFar.path("error").path("message").asText())
                    .isEqualTo("the next chunk of this file starts at offset " + 2 * CHUNK + ", not " + 3 * CHUNK);
            assertThat(offsetOf(receive(dealer))).isEqualTo(3L * CHUNK);
            sendChunk(dealer, id, 3, content);
            JsonNode last = assertOk(receive(dealer));
            assertThat(last.path("complete").asBoolean()).isTrue();
        }
        assertThat(chunkRows()).isEqualTo(4);
        try (GroupClient bob = new GroupClient(server.boundEndpoint().toString(), new User(BOB, "Bob"))) {
            bob.join();
            Path got = new FileTransfer(bob).download(id, files.resolve("got.bin"), FileTransfer.Progress.NONE);
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
        }
    }

    @Test
    void theClientLibraryUploadsAndDownloadsAFileOfManyChunksWithSeveralInFlight() throws IOException {
        byte[] content = FileContract.bytes(11 * CHUNK + 5, 22);
        Path file = Files.write(files.resolve("big.bin"), content);
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), new User(ALICE, "Alice"))) {
            alice.join();
            long[] seen = {0};
            Message event = new FileTransfer(alice).upload(file, (done, total) -> {
                assertThat(done).isGreaterThanOrEqualTo(seen[0]).isLessThanOrEqualTo(total);
                seen[0] = done;
            });
            assertThat(seen[0]).isEqualTo(content.length);
            assertThat(chunkRows()).isEqualTo(12);
            Path got = new FileTransfer(alice)
                    .download(event.file().id(), files.resolve("copy.bin"), FileTransfer.Progress.NONE);
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
            assertThat(alice.fetchAfter(0, 100, 0).messages()).hasSize(1);
        }
    }

    @Test
    void retentionDroppingOneOfTwoIdenticalFilesKeepsTheOtherAndTheLastReclaimsTheBytes() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        byte[] content = FileContract.bytes(2 * CHUNK + 9, 23);
        String first = UUID.randomUUID().toString();
        JsonNode at = assertOk(raw.send(beginJson(first, content)));
        try (ZContext context = new ZContext(1);
                ZMQ.Socket dealer = context.createSocket(SocketType.DEALER)) {
            ConnectingSockets.configure(dealer);
            dealer.setReceiveTimeOut(5_000);
            dealer.connect(server.boundEndpoint().toString());
            for (int index = 0; index < 3; index++) {
                sendChunk(dealer, first, index, content);
            }
            receive(dealer);
            receive(dealer);
            at = assertOk(receive(dealer));
        }
        long firstTs = at.path("message").path("ts").asLong();
        await().until(() -> System.currentTimeMillis() > firstTs);
        String copy = UUID.randomUUID().toString();
        JsonNode second = assertOk(raw.send(beginJson(copy, content)));
        assertThat(second.path("complete").asBoolean()).isTrue();
        long secondTs = second.path("message").path("ts").asLong();
        assertOk(send(ALICE, UUID.randomUUID().toString(), "newest"));
        assertThat(stoppedAndSweptOlderThan(secondTs)).isEqualTo(1);
        assertThat(chunkRows()).isEqualTo(3);
        restart();
        JsonNode got = StoredChunks.json(raw.sendFrames(getJson(copy, CHUNK)));
        assertThat(got.path("offset").asLong()).isEqualTo(CHUNK);
        assertOk(join(ALICE, "Alice"));
        // the dropped id owns nothing now: a new upload under it stores and reads its own chunks
        byte[] other = FileContract.bytes(20, 24);
        assertThat(assertOk(raw.send(beginJson(first, other))).path("offset").asLong())
                .isZero();
        assertThat(stoppedAndSweptOlderThan(System.currentTimeMillis() + 1)).isEqualTo(1);
        assertThat(chunkRows()).isZero();
        restart();
    }

    // --- helpers

    private static String beginJson(String id, byte[] content) {
        return "{\"op\":\"FILE_BEGIN\",\"user\":{\"id\":\"" + ALICE + "\"},\"fileId\":\"" + id
                + "\",\"name\":\"f.bin\",\"size\":" + content.length + ",\"sha256\":\"" + FileContract.sha256(content)
                + "\"}";
    }

    private static byte[] getJson(String id, long offset) {
        return ("{\"op\":\"FILE_GET\",\"user\":{\"id\":\"" + BOB + "\"},\"fileId\":\"" + id + "\",\"offset\":" + offset
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void sendChunk(ZMQ.Socket dealer, String id, int index, byte[] content) {
        byte[] bytes = Arrays.copyOfRange(content, index * CHUNK, Math.min(content.length, (index + 1) * CHUNK));
        String json = "{\"op\":\"FILE_CHUNK\",\"user\":{\"id\":\"" + ALICE + "\"},\"fileId\":\"" + id + "\",\"offset\":"
                + (long) index * CHUNK + ",\"sha256\":\"" + FileContract.sha256(bytes) + "\"}";
        dealer.send(new byte[0], ZMQ.SNDMORE);
        dealer.send(json.getBytes(StandardCharsets.UTF_8), ZMQ.SNDMORE);
        dealer.send(bytes, 0);
    }

    private static JsonNode receive(ZMQ.Socket dealer) {
        byte[] delimiter = dealer.recv();
        assertThat(delimiter).as("a reply within 5 s").isNotNull().isEmpty();
        byte[] json = dealer.recv();
        assertThat(dealer.hasReceiveMore()).isFalse();
        return StoredChunks.json(List.of(json));
    }

    private static long offsetOf(JsonNode reply) {
        return assertOk(reply).path("offset").asLong();
    }
}
