package org.groupchat.group.files;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.groupchat.group.StorageException;

/**
 * The running SHA-256 of each upload in progress, fed chunk by chunk, so completing a file reads nothing back; after a
 * restart (or when it fell behind) it is rebuilt once from the stored chunks, one chunk at a time.
 */
final class UploadHashes {
    private static final long IDLE_NANOS = 600_000_000_000L;

    private record Running(MessageDigest digest, long offset, long touchedNanos) {}

    private final FileStore files;
    private final int chunkSize;
    private final Map<String, Running> running = new HashMap<>();

    UploadHashes(FileStore files, int chunkSize) {
        this.files = files;
        this.chunkSize = chunkSize;
    }

    /**
     * A copy of the running hash over the upload's stored bytes, for its next chunk to be fed into; kept by
     * {@link #stored} only once that chunk is stored.
     */
    MessageDigest next(Upload upload) {
        Running r = running.get(upload.fileId());
        if (r == null || r.offset() != upload.stored()) {
            r = new Running(rebuild(upload.fileId(), upload.stored()), upload.stored(), System.nanoTime());
            running.put(upload.fileId(), r);
        }
        try {
            return (MessageDigest) r.digest().clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this Java's SHA-256 cannot be copied", e);
        }
    }

    /** The upload's bytes up to {@code offset} are stored and {@code digest} covers them. */
    void stored(String fileId, MessageDigest digest, long offset) {
        running.put(fileId, new Running(digest, offset, System.nanoTime()));
    }

    /** The SHA-256 of all the upload's stored bytes. */
    String whole(Upload upload) {
        Running r = running.get(upload.fileId());
        MessageDigest digest =
                r != null && r.offset() == upload.stored() ? r.digest() : rebuild(upload.fileId(), upload.stored());
        return Sha256.hex(digest);
    }

    void forget(String fileId) {
        running.remove(fileId);
    }

    void forgetIdle(long nowNanos) {
        running.values().removeIf(r -> nowNanos - r.touchedNanos() > IDLE_NANOS);
    }

    private MessageDigest rebuild(String fileId, long stored) {
        MessageDigest digest = Sha256.digest();
        for (int index = 0; (long) index * chunkSize < stored; index++) {
            byte[] chunk = files.chunk(fileId, index);
            if (chunk == null) {
                throw new StorageException("chunk " + index + " of upload " + fileId + " is missing", null);
            }
            digest.update(chunk);
        }
        return digest;
    }
}
