package org.groupchat.group.files;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groupchat.group.MessageStore;
import org.groupchat.group.NewMessage;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * Answers FILE_BEGIN, FILE_CHUNK and FILE_GET (protocol 1.5) for one group, on its server's thread: uploads resume from
 * their last stored chunk, content is kept once per SHA-256, and the file event is appended only once every byte is
 * stored and the whole file's SHA-256 verified. Chunks are streamed to and from the store, never the whole file.
 */
public final class FileTransfers implements AutoCloseable {
    public static final int CHUNK_SIZE = 128 * 1024;
    /** An upload without a chunk for this long no longer counts as in progress. */
    static final long IN_PROGRESS_MS = 60_000;
    /** An unfinished upload is dropped this long after its last chunk. */
    static final long KEEP_UNFINISHED_MS = 24 * 3_600_000L;

    private static final long SWEEP_INTERVAL_NANOS = 60_000_000_000L;

    private final String groupName;
    private final MessageStore log;
    private final FileStore files;
    private final FileLimits limits;
    private final Consumer<Message> appended;
    private final UploadHashes hashes;
    private long lastSweepNanos = System.nanoTime();

    /** {@code appended} hears of each file event newly stored (the server shows it to waiting FETCHes). */
    public FileTransfers(
            String groupName, MessageStore log, FileStore files, FileLimits limits, Consumer<Message> appended) {
        this.groupName = groupName;
        this.log = log;
        this.files = files;
        this.limits = limits;
        this.appended = appended;
        this.hashes = new UploadHashes(files, CHUNK_SIZE);
    }

    /** Answers a file op of {@code member} (a stored member of the group). */
    public Reply answer(Request.FileOp op, User member) throws ProtocolException {
        if (files == null) {
            throw FileFields.bad("group \"" + groupName + "\" keeps no files");
        }
        String fileId = Fields.uuid(op.fileId(), "fileId");
        if (op instanceof Request.FileBegin begin) {
            return begin(begin, fileId, member);
        } else if (op instanceof Request.FileChunk chunk) {
            return chunk(chunk, fileId, member);
        }
        return get((Request.FileGet) op, fileId);
    }

    private Reply begin(Request.FileBegin begin, String fileId, User member) throws ProtocolException {
        long size = FileFields.required(begin.size(), "size");
        if (size < 1) {
            throw FileFields.bad("\"size\" must be at least 1: an empty file is not shared");
        }
        if (size > limits.maxFileBytes()) {
            throw new ProtocolException(
                    ErrorCode.TOO_LARGE,
                    "the file is " + size + " bytes; this group takes files of at" + " most " + limits.maxFileBytes()
                            + " bytes (" + FileEventText.size(limits.maxFileBytes()) + ")");
        }
        long now = System.currentTimeMillis();
        Upload announced = new Upload(
                fileId,
                member.id(),
                FileFields.name(begin.name()),
                size,
                FileFields.sha256(begin.sha256(), "sha256"),
                FileFields.mediaType(begin.mediaType()),
                0,
                false,
                now);
        Optional<Upload> stored = files.upload(fileId);
        if (stored.isPresent()) {
            Upload upload = stored.get();
            if (!upload.announcesSame(announced)) {
                throw FileFields.bad("file id " + fileId + " is already taken by another upload; pick a new one");
            }
            if (upload.complete()) {
                return progress(upload, eventOf(upload));
            }
            refuseBusy(member, fileId, now);
            files.touch(fileId, now);
            return upload.stored() == upload.size() ? complete(upload, member) : progress(upload, null);
        }
        if (log.findById(fileId).isPresent()) {
            throw FileFields.bad("file id " + fileId + " is already taken by a message; pick a new one");
        }
        refuseBusy(member, fileId, now);
        boolean held = files.holds(announced.sha256());
        long wouldHold = files.bytesHeld() + (held ? 0 : size);
        if (wouldHold > limits.maxGroupBytes()) {
            throw new ProtocolException(
                    ErrorCode.TOO_LARGE,
                    "the group's files would take " + wouldHold + " bytes; its" + " limit is " + limits.maxGroupBytes()
                            + " bytes (" + FileEventText.size(limits.maxGroupBytes()) + ")");
        }
        files.begin(announced);
        // The group holds this content already: nothing to send, the event is appended at once.
        return held ? complete(announced, member) : progress(announced, null);
    }

    private void refuseBusy(User member, String fileId, long now) throws ProtocolException {
        int busy = files.uploadsInProgress(member.id(), now - IN_PROGRESS_MS, fileId);
        if (busy >= limits.maxUploadsPerUser()) {
            throw new ProtocolException(
                    ErrorCode.RATE_LIMITED,
                    "you have " + busy + " uploads in progress; finish one" + " first or try again in " + IN_PROGRESS_MS
                            + " ms",
                    IN_PROGRESS_MS);
        }
    }

    private Reply chunk(Request.FileChunk chunk, String fileId, User member) throws ProtocolException {
        Upload upload = files.upload(fileId).orElseThrow(() -> unknown(fileId));
        if (!upload.uploaderId().equals(member.id())) {
            throw FileFields.bad("file " + fileId + " is being uploaded by another member");
        }
        long offset = Fields.nonNegative(FileFields.required(chunk.offset(), "offset"), "offset");
        if (upload.complete() || (offset < upload.stored() && offset % CHUNK_SIZE == 0)) {
            // a retry of a chunk already stored: answered, stored nothing
            return upload.complete() ? progress(upload, eventOf(upload)) : progress(upload, null);
        }
        if (offset != upload.stored()) {
            throw FileFields.bad("the next chunk of this file starts at offset " + upload.stored() + ", not " + offset);
        }
        int expected = (int) Math.min(CHUNK_SIZE, upload.size() - offset);
        byte[] bytes = chunk.bytes();
        if (bytes.length != expected) {
            throw FileFields.bad(
                    "the chunk at offset " + offset + " must be " + expected + " bytes, got " + bytes.length);
        }
        String claimed = FileFields.sha256(chunk.sha256(), "sha256");
        MessageDigest whole = hashes.next(upload);
        if (!Sha256.hexFeeding(bytes, whole).equals(claimed)) {
            throw FileFields.bad("the chunk at offset " + offset + " does not match its sha256; it was not stored");
        }
        long stored = offset + bytes.length;
        files.putChunk(fileId, (int) (offset / CHUNK_SIZE), bytes, stored, System.currentTimeMillis());
        hashes.stored(fileId, whole, stored);
        Upload now = new Upload(
                fileId,
                upload.uploaderId(),
                upload.name(),
                upload.size(),
                upload.sha256(),
                upload.mediaType(),
                stored,
                false,
                System.currentTimeMillis());
        return stored == upload.size() ? complete(now, member) : progress(now, null);
    }

    /** Verifies the whole file and appends its event; the event's insert completes the upload in the same transaction. */
    private Reply complete(Upload upload, User member) throws ProtocolException {
        if (!files.holds(upload.sha256()) && !hashes.whole(upload).equals(upload.sha256())) {
            files.discard(upload.fileId());
            hashes.forget(upload.fileId());
            throw FileFields.bad("the file's bytes do not match its sha256; nothing was shared, upload it again");
        }
        hashes.forget(upload.fileId());
        long lastSeqBefore = log.lastSeq();
        FileInfo info = upload.info();
        Message event = log.append(List.of(NewMessage.file(member, FileEventText.of(info.name(), info.size()), info)))
                .get(0);
        if (!"file".equals(event.kind())) {
            throw FileFields.bad("file id " + upload.fileId() + " is already taken by a message; pick a new one");
        }
        if (event.seq() > lastSeqBefore) {
            appended.accept(event);
        }
        return progress(files.upload(upload.fileId()).orElse(upload), event);
    }

    private Reply get(Request.FileGet get, String fileId) throws ProtocolException {
        Upload upload = files.upload(fileId).filter(Upload::complete).orElseThrow(() -> unknown(fileId));
        Message event = log.findById(fileId).orElseThrow(() -> unknown(fileId));
        if (log.about(event.seq(), "", "").takenBack()) {
            throw FileFields.bad("file " + fileId + " was deleted");
        }
        long offset = get.offset() == null ? 0 : Fields.nonNegative(get.offset(), "offset");
        if (offset % CHUNK_SIZE != 0 || offset >= upload.size()) {
            throw FileFields.bad(
                    "\"offset\" must be a multiple of " + CHUNK_SIZE + " below the file's size " + upload.size());
        }
        byte[] bytes = files.contentChunk(upload.sha256(), (int) (offset / CHUNK_SIZE));
        if (bytes == null) {
            throw unknown(fileId);
        }
        return new Reply.FileData(upload.info(), CHUNK_SIZE, offset, bytes);
    }

    private Message eventOf(Upload upload) throws ProtocolException {
        return log.findById(upload.fileId()).orElseThrow(() -> unknown(upload.fileId()));
    }

    private static Reply.FileProgress progress(Upload upload, Message event) {
        return new Reply.FileProgress(
                upload.fileId(), CHUNK_SIZE, event == null ? upload.stored() : upload.size(), event != null, event);
    }

    private ProtocolException unknown(String fileId) {
        return FileFields.bad("this group has no file " + fileId);
    }

    /** Drops unfinished uploads left for a day, about once a minute; call from the server's timer. */
    public void sweepIfDue(long nowNanos) {
        if (files == null || nowNanos - lastSweepNanos < SWEEP_INTERVAL_NANOS) {
            return;
        }
        lastSweepNanos = nowNanos;
        files.dropStale(System.currentTimeMillis() - KEEP_UNFINISHED_MS);
        hashes.forgetIdle(nowNanos);
    }

    @Override
    public void close() {
        if (files != null) {
            files.close();
        }
    }
}
