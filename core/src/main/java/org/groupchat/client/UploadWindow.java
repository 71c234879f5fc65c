package org.groupchat.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * Sends an upload's chunks with up to {@link #WINDOW} FILE_CHUNKs in flight on a {@link FilePipe}, so the server stores
 * one while the next ones travel. The protocol makes this safe: a chunk names its offset, one already stored is
 * answered without storing, one beyond the stored offset is refused and stores nothing. After a refusal (once the
 * replies in flight are read) or a silence, FILE_BEGIN on the client's REQ (with its retries and its following of a
 * moved group) says where the server is, and the window starts again from there, at most {@link #MOST_RESYNCS} times
 * in a row without progress.
 */
final class UploadWindow {
    static final int WINDOW = 4;
    private static final int MOST_RESYNCS = 3;

    private final GroupClient client;
    private final FileChannel in;
    private final long size;
    private final Request.FileBegin begin;
    private final ChunkDigests chunkDigests;
    private final FileTransfer.Progress progress;
    private final ArrayDeque<Request.FileChunk> inFlight = new ArrayDeque<>();
    private ServerErrorException refusal;
    private int resyncs;
    private long furthest;

    UploadWindow(
            GroupClient client,
            FileChannel in,
            Request.FileBegin begin,
            ChunkDigests chunkDigests,
            FileTransfer.Progress progress) {
        this.client = client;
        this.in = in;
        this.size = begin.size();
        this.begin = begin;
        this.chunkDigests = chunkDigests;
        this.progress = progress;
    }

    /** Uploads from where the server stands; returns the file event. */
    Message run() throws IOException {
        Reply.FileProgress at = fileBegin();
        boolean settled = false;
        try {
            while (!at.complete()) {
                progress.update(at.offset(), size);
                Reply.FileProgress reached = pump(client.filePipe(), at);
                if (reached != null && reached.complete()) {
                    at = reached;
                    break;
                }
                // BAD_REQUEST: the server holds other bytes than we think; INTERNAL: its storage failed once (a lost
                // database connection); FILE_BEGIN says where it stands. Any other refusal is the caller's to read.
                if (refusal != null
                        && refusal.code() != ErrorCode.BAD_REQUEST
                        && refusal.code() != ErrorCode.INTERNAL) {
                    throw refusal;
                }
                if (refusal != null && refusal.code() == ErrorCode.BAD_REQUEST) {
                    failIfChanged();
                }
                if (reached == null) {
                    // silence: whatever the old connection still carries is dropped with it
                    client.dropFilePipe();
                }
                if (++resyncs > MOST_RESYNCS) {
                    throw refusal != null ? refusal : new ServerUnreachableException(client.endpoint(), resyncs);
                }
                refusal = null;
                at = fileBegin();
            }
            settled = inFlight.isEmpty();
        } finally {
            if (!settled) {
                client.dropFilePipe();
            }
        }
        progress.update(size, size);
        return at.message();
    }

    /**
     * Keeps the window full until the upload completes (its last reply), a chunk is refused ({@link #refusal} set, the
     * replies still in flight read and dropped; returns the last progress), or the server goes silent (returns null).
     */
    private Reply.FileProgress pump(FilePipe pipe, Reply.FileProgress from) throws IOException {
        inFlight.clear();
        long acked = from.offset();
        long next = acked;
        Reply.FileProgress last = from;
        while (true) {
            while (inFlight.size() < WINDOW && next < size) {
                next = sendChunk(pipe, next, from.chunkSize());
            }
            if (inFlight.isEmpty()) {
                // every chunk was answered but the server does not say complete: resync
                return last;
            }
            ReqChannel.Frames frames = pipe.receive(client.replyTimeoutMs());
            if (frames == null) {
                return null;
            }
            Request.FileChunk sent = inFlight.poll();
            try {
                last = ReplyDecoder.decode(frames.json(), sent, Reply.FileProgress.class, pipe.endpoint());
            } catch (ServerErrorException e) {
                refusal = e;
                chunkDigests.distrust();
                return drained(pipe) ? last : null;
            }
            if (last.complete()) {
                return last;
            }
            if (last.offset() > acked) {
                acked = last.offset();
                progress.update(acked, size);
            }
            if (acked > furthest) {
                // a server that took the bytes back (its check of the whole failed) does not count as progress
                furthest = acked;
                resyncs = 0;
            }
            // the server is further than the window (a retried chunk stored twice over): go on from there
            next = Math.max(next, last.offset());
        }
    }

    private long sendChunk(FilePipe pipe, long offset, int chunkSize) throws IOException {
        int length = (int) Math.min(chunkSize, size - offset);
        byte[] chunk = read(offset, length);
        String sha256 = chunkDigests.of(offset, chunkSize, chunk);
        Request.FileChunk request =
                new Request.FileChunk(User.ofId(begin.user().id()), begin.fileId(), offset, sha256, null);
        pipe.send(Json.write(request), chunk);
        inFlight.add(request);
        return offset + length;
    }

    /**
     * After a BAD_REQUEST: if the file's first {@code size} bytes are not what FILE_BEGIN announced any more, no retry
     * can share it (a file that only grew since is still shared as it was).
     */
    private void failIfChanged() throws IOException {
        if (!FileTransfer.sha256(in, size).equals(begin.sha256())) {
            throw new IOException(begin.name() + " changed while it was being sent; nothing was shared. Send it again"
                    + " once it is saved.");
        }
    }

    /** Reads the replies still in flight; false if the server went silent first. */
    private boolean drained(FilePipe pipe) {
        while (!inFlight.isEmpty()) {
            if (pipe.receive(client.replyTimeoutMs()) == null) {
                return false;
            }
            inFlight.poll();
        }
        return true;
    }

    private Reply.FileProgress fileBegin() {
        return client.fileBegin(begin.fileId(), begin.name(), size, begin.sha256(), begin.mediaType());
    }

    private byte[] read(long offset, int length) throws IOException {
        byte[] chunk = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file got shorter while it was being sent");
            }
        }
        return chunk;
    }
}
