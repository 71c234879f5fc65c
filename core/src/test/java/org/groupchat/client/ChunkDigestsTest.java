package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkDigestsTest {
    private static final int CHUNK = ChunkDigests.EXPECTED_CHUNK_SIZE;

    @TempDir
    Path dir;

    @Test
    void eachChunkOfTheFileHasItsOwnSha256TheLastOneShort() throws IOException {
        byte[] content = random(2 * CHUNK + 1234);
        try (FileChannel in = open(content)) {
            ChunkDigests digests = ChunkDigests.start(in, content.length);

            for (int index = 0; index < 3; index++) {
                byte[] chunk = slice(content, index, CHUNK);
                assertThat(digests.of((long) index * CHUNK, CHUNK, chunk)).isEqualTo(sha256(chunk));
            }
        }
    }

    @Test
    void aServerWithAnotherChunkSizeGetsTheHashOfTheBytesItIsSent() throws IOException {
        byte[] content = random(3 * CHUNK);
        try (FileChannel in = open(content)) {
            ChunkDigests digests = ChunkDigests.start(in, content.length);

            byte[] second = slice(content, 1, CHUNK / 2);
            assertThat(digests.of(CHUNK / 2, CHUNK / 2, second)).isEqualTo(sha256(second));
        }
    }

    @Test
    void afterARefusalTheBytesSentAreHashedNotTheFileAsFirstRead() throws IOException {
        byte[] content = random(2 * CHUNK);
        try (FileChannel in = open(content)) {
            ChunkDigests digests = ChunkDigests.start(in, content.length);
            byte[] edited = slice(content, 1, CHUNK);
            edited[0] ^= 1;
            assertThat(digests.of(CHUNK, CHUNK, edited)).isNotEqualTo(sha256(edited));

            digests.distrust();

            assertThat(digests.of(CHUNK, CHUNK, edited)).isEqualTo(sha256(edited));
        }
    }

    @Test
    void aFileThatCannotBeReadLeavesEachChunkToBeHashedAsItIsSent() throws IOException {
        byte[] content = random(2 * CHUNK);
        FileChannel in = open(content);
        in.close();
        ChunkDigests digests = ChunkDigests.start(in, content.length);

        byte[] first = slice(content, 0, CHUNK);
        assertThat(digests.of(0, CHUNK, first)).isEqualTo(sha256(first));
    }

    private FileChannel open(byte[] content) throws IOException {
        return FileChannel.open(Files.write(dir.resolve("file.bin"), content), StandardOpenOption.READ);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] slice(byte[] content, int index, int chunkSize) {
        int from = index * chunkSize;
        return Arrays.copyOfRange(content, from, Math.min(content.length, from + chunkSize));
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(FileTransfer.digest().digest(bytes));
    }
}
