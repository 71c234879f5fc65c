package org.groupchat.group.files;

import java.util.Optional;

/**
 * Where one group keeps its uploads and their chunks: chunks are keyed by the file id that brought them, and the
 * content (by SHA-256) names that id once its file event is stored (the store's schema completes an upload in the
 * event's own transaction, without moving a chunk). Used by the group server's thread only; throws {@code StorageException} on I/O failure.
 */
public interface FileStore extends AutoCloseable {

    Optional<Upload> upload(String fileId);

    /** Stores a new upload with nothing received yet. */
    void begin(Upload upload);

    /** Stores chunk {@code index} of an unfinished upload and its new received count, in one transaction. */
    void putChunk(String fileId, int index, byte[] data, long stored, long nowMs);

    /** Marks an unfinished upload as moving now (a resumed FILE_BEGIN). */
    void touch(String fileId, long nowMs);

    /** Drops the chunks of an unfinished upload (its bytes did not match): it starts over from 0. */
    void discard(String fileId);

    /** True when the group holds the content with this SHA-256. */
    boolean holds(String sha256);

    /** Bytes the group's files take: its content plus the announced sizes of unfinished uploads. */
    long bytesHeld();

    /** Unfinished uploads of this user moved at or after {@code sinceMs}, but {@code exceptFileId}. */
    int uploadsInProgress(String userId, long sinceMs, String exceptFileId);

    /** Chunk {@code index} of an unfinished upload, or null. */
    byte[] chunk(String fileId, int index);

    /** Chunk {@code index} of the group's content with this SHA-256, or null. */
    byte[] contentChunk(String sha256, int index);

    /** Drops unfinished uploads not moved since {@code beforeMs}, and their chunks; returns how many. */
    int dropStale(long beforeMs);

    @Override
    void close();
}
