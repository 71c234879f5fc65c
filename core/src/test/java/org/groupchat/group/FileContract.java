package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.group.files.FileLimits;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FILE_BEGIN, FILE_CHUNK and FILE_GET (1.5) over a real socket and a real store; {@link FileContractTest} runs it on each store. */
abstract class FileContract extends GroupServerTestBase {
    private static final int CHUNK = FileTransfers.CHUNK_SIZE;

    @TempDir
    Path files;

    FileContract(TestStore store) {
        super(store);
    }

    @Test
    void pingListsFilesAmongTheFeatures() {
        JsonNode ping = assertOk(raw.send("{\"op\":\"PING\"}"));
        assertThat(ping.path("features")).extracting(JsonNode::asText).contains("files");
    }

    @Test
    void anUploadAppendsOneFileEventThatAnotherMemberDownloadsAndVerifies() throws IOException {
        byte[] content = bytes(2 * CHUNK + 1234, 1);
        Path report = write("report.pdf", content);
        try (GroupClient alice = client(ALICE, "Alice");
                GroupClient bob = client(BOB, "Bob")) {
            alice.join();
            bob.join();
            Message event = new FileTransfer(alice).upload(report, FileTransfer.Progress.NONE);

            assertThat(event.kind()).isEqualTo("file");
            assertThat(event.text()).isEqualTo("shared a file: report.pdf (263.4 kB)");
            assertThat(event.file().name()).isEqualTo("report.pdf");
            assertThat(event.file().size()).isEqualTo(content.length);
            assertThat(event.file().sha256()).isEqualTo(sha256(content));
            assertThat(event.file().mediaType()).isEqualTo("application/pdf");
            List<Message> seen = bob.fetchAfter(0, 100, 0).messages();
            assertThat(seen).extracting(Message::kind).containsExactly("file");
            assertThat(seen.get(0).file()).isEqualTo(event.file());

            Path downloads = Files.createDirectories(files.resolve("downloads"));
            Path got = new FileTransfer(bob).download(event.file().id(), downloads, FileTransfer.Progress.NONE);
            assertThat(got).isEqualTo(downloads.resolve("report.pdf"));
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
            Path again = new FileTransfer(bob).download(event.file().id(), downloads, FileTransfer.Progress.NONE);
            assertThat(again.getFileName().toString()).isEqualTo("report (1).pdf");
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
            assertThat(downloads.toFile().list()).containsExactlyInAnyOrder("report.pdf", "report (1).pdf");
        }
    }

    @Test
    void aWaitingFetchIsAnsweredWithTheFileEvent() throws Exception {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        try (RawRequester bob = new RawRequester(server.boundEndpoint().toString())) {
            var waiting = CompletableFuture.supplyAsync(() ->
                    bob.send("{\"op\":\"FETCH\",\"user\":{\"id\":\"" + BOB + "\"},\"afterSeq\":0,\"waitMs\":4000}"));
            org.awaitility.Awaitility.await().until(() -> server.parkedPolls() == 1);
            String id = upload(ALICE, "note.txt", bytes(100, 2));
            JsonNode reply = assertOk(waiting.get());
            assertThat(reply.path("messages").get(0).path("file").path("id").asText())
                    .isEqualTo(id);
        }
    }

    @Test
    void onlyMembersBeginSendOrGetFiles() {
        assertOk(join(ALICE, "Alice"));
        String id = upload(ALICE, "a.bin", bytes(10, 3));
        assertError(begin(BOB, UUID.randomUUID().toString(), "b.bin", bytes(10, 4)), "NOT_MEMBER");
        assertError(chunk(BOB, id, 0, bytes(10, 3)), "NOT_MEMBER");
        assertError(get(BOB, id, 0).json, "NOT_MEMBER");
    }

    @Test
    void aFileOverThePerFileLimitIsRefusedTooLarge() {
        assertOk(join(ALICE, "Alice"));
        JsonNode reply = raw.send(beginJson(
                ALICE,
                UUID.randomUUID().toString(),
                "big.iso",
                FileLimits.DEFAULT_MAX_FILE_BYTES + 1,
                sha256(new byte[0])));
        assertError(reply, "TOO_LARGE");
        assertThat(reply.path("error").path("message").asText()).contains("at most 26214400 bytes");
    }

    @Test
    void theGroupsStorageLimitAndTheUploadsInProgressPerUserAreKept() {
        restartWith(new FileLimits(1_000, 2_500, 2));
        assertOk(join(ALICE, "Alice"));
        assertOk(begin(ALICE, UUID.randomUUID().toString(), "one", bytes(1_000, 1)));
        assertOk(begin(ALICE, UUID.randomUUID().toString(), "two", bytes(1_000, 2)));
        JsonNode busy = begin(ALICE, UUID.randomUUID().toString(), "three", bytes(400, 3));
        assertError(busy, "RATE_LIMITED");
        assertThat(busy.path("error").path("retryAfterMs").asLong()).isPositive();
        assertOk(join(BOB, "Bob"));
        assertError(begin(BOB, UUID.randomUUID().toString(), "four", bytes(1_000, 4)), "TOO_LARGE");
        assertOk(begin(BOB, UUID.randomUUID().toString(), "small", bytes(400, 5)));
    }

    @Test
    void aChunkThatDoesNotMatchItsHashIsRefusedAndNotStored() {
        assertOk(join(ALICE, "Alice"));
        byte[] content = bytes(CHUNK + 10, 6);
        String id = UUID.randomUUID().toString();
        assertOk(begin(ALICE, id, "x.bin", content));
        byte[] first = Arrays.copyOf(content, CHUNK);
        JsonNode refused = StoredChunks.json(raw.sendFrames(chunkJson(ALICE, id, 0, sha256(bytes(CHUNK, 7))), first));
        assertError(refused, "BAD_REQUEST");
        assertThat(refused.path("error").path("message").asText()).contains("does not match its sha256");
        assertThat(assertOk(begin(ALICE, id, "x.bin", content)).path("offset").asLong())
                .isZero();
    }

    @Test
    void aChunkAtTheWrongOffsetIsRefusedAndARetriedChunkIsStoredOnce() {
        assertOk(join(ALICE, "Alice"));
        byte[] content = bytes(3 * CHUNK, 8);
        String id = UUID.randomUUID().toString();
        assertOk(begin(ALICE, id, "x.bin", content));
        JsonNode skipped = chunk(ALICE, id, 2L * CHUNK, Arrays.copyOfRange(content, 2 * CHUNK, 3 * CHUNK));
        assertError(skipped, "BAD_REQUEST");
        assertThat(skipped.path("error").path("message").asText())
                .isEqualTo("the next chunk of this file starts at offset 0, not " + 2 * CHUNK);
        assertThat(assertOk(chunk(ALICE, id, 0, Arrays.copyOf(content, CHUNK)))
                        .path("offset")
                        .asLong())
                .isEqualTo(CHUNK);
        JsonNode retried = assertOk(chunk(ALICE, id, 0, Arrays.copyOf(content, CHUNK)));
        assertThat(retried.path("offset").asLong()).isEqualTo(CHUNK);
        assertError(chunk(ALICE, id, CHUNK, new byte[10]), "BAD_REQUEST");
        assertError(raw.send(chunkJson(ALICE, id, CHUNK, sha256(new byte[1]))), "BAD_REQUEST");
    }

    @Test
    void anUnknownFileIdIsRefused() {
        assertOk(join(ALICE, "Alice"));
        String nowhere = UUID.randomUUID().toString();
        JsonNode chunk = chunk(ALICE, nowhere, 0, new byte[10]);
        assertError(chunk, "BAD_REQUEST");
        assertThat(chunk.path("error").path("message").asText()).isEqualTo("this group has no file " + nowhere);
        assertError(get(ALICE, nowhere, 0).json, "BAD_REQUEST");
        String unfinished = UUID.randomUUID().toString();
        assertOk(begin(ALICE, unfinished, "x.bin", bytes(10, 9)));
        assertError(get(ALICE, unfinished, 0).json, "BAD_REQUEST");
    }

    @Test
    void anUploadResumesAfterARestartFromItsLastStoredChunkAndIsStoredOnce() throws IOException {
        assertOk(join(ALICE, "Alice"));
        byte[] content = bytes(3 * CHUNK + 77, 10);
        String id = UUID.randomUUID().toString();
        assertOk(begin(ALICE, id, "movie.mp4", content));
        assertOk(chunk(ALICE, id, 0, Arrays.copyOf(content, CHUNK)));
        assertOk(chunk(ALICE, id, CHUNK, Arrays.copyOfRange(content, CHUNK, 2 * CHUNK)));
        restart();

        assertThat(assertOk(begin(ALICE, id, "movie.mp4", content))
                        .path("offset")
                        .asLong())
                .isEqualTo(2L * CHUNK);
        try (GroupClient alice = client(ALICE, "Alice")) {
            Message event = new FileTransfer(alice)
                    .upload(write("movie.mp4", content), id, "application/octet-stream", FileTransfer.Progress.NONE);
            assertThat(event.file().sha256()).isEqualTo(sha256(content));
            assertThat(alice.fetchAfter(0, 100, 0).messages()).hasSize(1);
            Path got = new FileTransfer(alice).download(id, files.resolve("copy.mp4"), FileTransfer.Progress.NONE);
            assertThat(Files.readAllBytes(got)).isEqualTo(content);
        }
        assertThat(chunkRows()).isEqualTo(4);
    }

    @Test
    void anIdenticalFileIsStoredOnceAndCompletesWithoutSendingItsBytes() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        byte[] content = bytes(2 * CHUNK, 11);
        upload(ALICE, "photo.png", content);
        String copy = UUID.randomUUID().toString();
        JsonNode again = assertOk(begin(BOB, copy, "same-photo.png", content));
        assertThat(again.path("complete").asBoolean()).isTrue();
        assertThat(again.path("offset").asLong()).isEqualTo(content.length);
        assertThat(again.path("message").path("sender").path("name").asText()).isEqualTo("Bob");
        assertThat(chunkRows()).isEqualTo(2);
        Download got = get(ALICE, copy, CHUNK);
        assertThat(got.bytes).isEqualTo(Arrays.copyOfRange(content, CHUNK, 2 * CHUNK));
        assertThat(seqs(assertOk(fetch(ALICE, ",\"afterSeq\":0")).path("messages")))
                .containsExactly(1L, 2L);
    }

    @Test
    void aFileWhoseWholeHashDoesNotMatchIsNeverAppended() {
        assertOk(join(ALICE, "Alice"));
        byte[] content = bytes(CHUNK + 5, 12);
        String id = UUID.randomUUID().toString();
        assertOk(raw.send(beginJson(ALICE, id, "liar.bin", content.length, sha256(bytes(CHUNK + 5, 13)))));
        assertOk(chunk(ALICE, id, 0, Arrays.copyOf(content, CHUNK)));
        JsonNode last = chunk(ALICE, id, CHUNK, Arrays.copyOfRange(content, CHUNK, content.length));
        assertError(last, "BAD_REQUEST");
        assertThat(last.path("error").path("message").asText()).contains("do not match its sha256");
        assertThat(assertOk(fetch(ALICE, ",\"afterSeq\":0")).path("messages")).isEmpty();
        assertThat(assertOk(raw.send(beginJson(ALICE, id, "liar.bin", content.length, sha256(bytes(CHUNK + 5, 13)))))
                        .path("offset")
                        .asLong())
                .isZero();
    }

    @Test
    void aDeletedFileCanNoLongerBeDownloaded() {
        assertOk(join(ALICE, "Alice"));
        String id = upload(ALICE, "oops.txt", bytes(50, 14));
        assertOk(get(ALICE, id, 0).json);
        assertOk(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"delete\",\"target\":1"));
        JsonNode gone = get(ALICE, id, 0).json;
        assertError(gone, "BAD_REQUEST");
        assertThat(gone.path("error").path("message").asText()).isEqualTo("file " + id + " was deleted");
    }

    @Test
    void retentionDroppingTheFileEventReclaimsItsBytes() {
        assertOk(join(ALICE, "Alice"));
        upload(ALICE, "old.bin", bytes(CHUNK + 1, 15));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "newer"));
        assertThat(chunkRows()).isEqualTo(2);
        assertThat(stoppedAndSweptOlderThan(System.currentTimeMillis() + 1)).isEqualTo(1);
        assertThat(chunkRows()).isZero();
        restart();
    }

    @Test
    void aSecondFrameOnAnotherOpAndASendOfKindFileAreRefused() {
        assertOk(join(ALICE, "Alice"));
        JsonNode twoFrames =
                StoredChunks.json(raw.sendFrames("{\"op\":\"PING\"}".getBytes(StandardCharsets.UTF_8), new byte[] {1}));
        assertError(twoFrames, "BAD_REQUEST");
        assertThat(twoFrames.path("error").path("message").asText())
                .isEqualTo("a request must be exactly one frame, got 2");
        assertError(raw.send(chunkJson(ALICE, UUID.randomUUID().toString(), 0, sha256(new byte[1]))), "BAD_REQUEST");
        assertError(event(ALICE, UUID.randomUUID().toString(), "\"kind\":\"file\",\"text\":\"fake\""), "BAD_REQUEST");
    }

    @Test
    void theClientSaysWhyTheServerRefusedAnUpload() throws IOException {
        Path big = write("big.bin", new byte[0]);
        try (GroupClient alice = client(ALICE, "Alice")) {
            alice.join();
            assertThatThrownBy(() -> new FileTransfer(alice).upload(big, FileTransfer.Progress.NONE))
                    .isInstanceOf(ServerErrorException.class)
                    .satisfies(
                            e -> assertThat(((ServerErrorException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST))
                    .hasMessageContaining("empty file");
        }
    }

    // --- helpers

    private record Download(JsonNode json, byte[] bytes) {}

    private void restartWith(FileLimits limits) {
        raw.close();
        server.close();
        GroupServerConfig config = TestGroups.unlimited(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null));
        server = group(config.withLimits(config.limits().withFiles(limits)), dataDir);
        raw = new RawRequester(server.boundEndpoint().toString());
    }

    private GroupClient client(String id, String name) {
        return new GroupClient(server.boundEndpoint().toString(), new User(id, name));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    /** Uploads through the raw ops; returns the file id. */
    private String upload(String user, String name, byte[] content) {
        String id = UUID.randomUUID().toString();
        JsonNode at = assertOk(begin(user, id, name, content));
        while (!at.path("complete").asBoolean()) {
            int offset = (int) at.path("offset").asLong();
            at = assertOk(chunk(
                    user, id, offset, Arrays.copyOfRange(content, offset, Math.min(content.length, offset + CHUNK))));
        }
        return id;
    }

    private JsonNode begin(String user, String id, String name, byte[] content) {
        return raw.send(beginJson(user, id, name, content.length, sha256(content)));
    }

    private static String beginJson(String user, String id, String name, long size, String sha256) {
        return "{\"op\":\"FILE_BEGIN\",\"user\":{\"id\":\"" + user + "\"},\"fileId\":\"" + id + "\",\"name\":\"" + name
                + "\",\"size\":" + size + ",\"sha256\":\"" + sha256 + "\"}";
    }

    private JsonNode chunk(String user, String id, long offset, byte[] bytes) {
        return StoredChunks.json(raw.sendFrames(chunkJson(user, id, offset, sha256(bytes)), bytes));
    }

    private static byte[] chunkJson(String user, String id, long offset, String sha256) {
        return ("{\"op\":\"FILE_CHUNK\",\"user\":{\"id\":\"" + user + "\"},\"fileId\":\"" + id + "\",\"offset\":"
                        + offset + ",\"sha256\":\"" + sha256 + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Download get(String user, String id, long offset) {
        List<byte[]> frames = raw.sendFrames(("{\"op\":\"FILE_GET\",\"user\":{\"id\":\"" + user + "\"},\"fileId\":\""
                        + id + "\",\"offset\":" + offset + "}")
                .getBytes(StandardCharsets.UTF_8));
        return new Download(StoredChunks.json(frames), frames.size() > 1 ? frames.get(1) : null);
    }

    static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
