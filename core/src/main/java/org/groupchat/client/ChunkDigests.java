package org.groupchat.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The SHA-256 of each chunk of a file about to be uploaded, worked out on a thread of its own while the caller hashes
 * the whole file for FILE_BEGIN: that pass would otherwise leave the second core idle, and the chunks then leave
 * without waiting for their hashes. The server says its chunk size only in FILE_BEGIN's reply; for any other size
 * than the protocol's {@link #EXPECTED_CHUNK_SIZE}, or if this thread failed, each chunk is hashed as it is sent.
 */
final class ChunkDigests {
    /** What the protocol's servers answer (docs/PROTOCOL.md, "Sizes"). */
    static final int EXPECTED_CHUNK_SIZE = 128 * 1024;

    private final CompletableFuture<byte[][]> digests;
    private boolean trusted = true;

    private ChunkDigests(CompletableFuture<byte[][]> digests) {
        this.digests = digests;
    }

    /** Starts hashing the {@code size} bytes of {@code in} chunk by chunk; {@code in} must stay open until used. */
    static ChunkDigests start(FileChannel in, long size) {
        CompletableFuture<byte[][]> digests = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                digests.complete(hashAll(in, size));
            } catch (IOException | RuntimeException e) {
                digests.completeExceptionally(e);
            }
        });
        worker.setName("chunk-digests");
        worker.setDaemon(true);
        worker.start();
        return new ChunkDigests(digests);
    }

    /** The hex SHA-256 of {@code chunk}, which starts at {@code offset} and was cut at {@code chunkSize}. */
    String of(long offset, int chunkSize, byte[] chunk) {
        if (trusted && chunkSize == EXPECTED_CHUNK_SIZE) {
            byte[][] all = ready();
            if (all != null) {
                return HexFormat.of().formatHex(all[(int) (offset / chunkSize)]);
            }
        }
        return HexFormat.of().formatHex(FileTransfer.digest().digest(chunk));
    }

    /**
     * From now on each chunk is hashed as it is sent: after a refusal the file may have changed since it was read, and
     * then the server's check of the whole file says so, not a chunk's hash.
     */
    void distrust() {
        trusted = false;
    }

    private byte[][] ready() {
        try {
            return digests.join();
        } catch (RuntimeException e) {
            // the chunks are hashed as they are sent; a file that cannot be read fails there, with its own message
            return null;
        }
    }

    private static byte[][] hashAll(FileChannel in, long size) throws IOException {
        int count = (int) ((size + EXPECTED_CHUNK_SIZE - 1) / EXPECTED_CHUNK_SIZE);
        byte[][] all = new byte[count][];
        ByteBuffer buffer = ByteBuffer.allocate(EXPECTED_CHUNK_SIZE);
        for (int index = 0; index < count; index++) {
            long offset = (long) index * EXPECTED_CHUNK_SIZE;
            buffer.clear().limit((int) Math.min(EXPECTED_CHUNK_SIZE, size - offset));
            while (buffer.hasRemaining()) {
                if (in.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("the file got shorter while it was being read");
                }
            }
            buffer.flip();
            var digest = FileTransfer.digest();
            digest.update(buffer);
            all[index] = digest.digest();
        }
        return all;
    }
}
