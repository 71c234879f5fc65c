package org.groupchat.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * Reads a file's chunks with up to {@link UploadWindow#WINDOW} FILE_GETs in flight on a {@link FilePipe}, writing each
 * at its offset and feeding the file's digest in order. When the server goes silent, the next chunk is asked on the
 * client's REQ (with its retries and its following of a moved group) and the window starts again after it.
 */
final class DownloadWindow {
    private final GroupClient client;
    private final String fileId;
    private final FileInfo info;
    private final FileChannel out;
    private final MessageDigest digest;
    private final FileTransfer.Progress progress;
    private final ArrayDeque<Request.FileGet> inFlight = new ArrayDeque<>();
    private long offset;

    DownloadWindow(
            GroupClient client,
            Reply.FileData first,
            FileChannel out,
            MessageDigest digest,
            FileTransfer.Progress progress) {
        this.client = client;
        this.fileId = first.file().id();
        this.info = first.file();
        this.out = out;
        this.digest = digest;
        this.progress = progress;
    }

    /** Writes {@code first} and every chunk after it; returns the bytes written. */
    long run(Reply.FileData first) throws IOException {
        write(first);
        boolean settled = false;
        try {
            while (offset < info.size()) {
                if (!pump(client.filePipe(), first.chunkSize())) {
                    client.dropFilePipe();
                    write(client.fileGet(fileId, offset));
                }
            }
            settled = inFlight.isEmpty();
        } finally {
            if (!settled) {
                client.dropFilePipe();
            }
        }
        return offset;
    }

    /** Keeps the window full until the whole file is written (true) or the server goes silent (false). */
    private boolean pump(FilePipe pipe, int chunkSize) throws IOException {
        inFlight.clear();
        long next = offset;
        while (offset < info.size()) {
            while (inFlight.size() < UploadWindow.WINDOW && next < info.size()) {
                Request.FileGet get =
                        new Request.FileGet(User.ofId(client.user().id()), fileId, next);
                pipe.send(Json.write(get), null);
                inFlight.add(get);
                next += chunkSize;
            }
            ReqChannel.Frames frames = pipe.receive(client.replyTimeoutMs());
            if (frames == null) {
                return false;
            }
            Reply.FileData data =
                    ReplyDecoder.decode(frames.json(), inFlight.poll(), Reply.FileData.class, pipe.endpoint());
            write(frames.bytes() == null ? data : data.withBytes(frames.bytes()));
        }
        return true;
    }

    private void write(Reply.FileData data) throws IOException {
        byte[] bytes = data.bytes();
        long expected = Math.min(data.chunkSize(), info.size() - offset);
        if (data.offset() != offset || bytes == null || bytes.length != expected) {
            throw new ProtocolViolationException(
                    client.endpoint(),
                    "FILE_GET",
                    "sent " + (bytes == null ? "no" : bytes.length) + " bytes at offset " + data.offset() + " where "
                            + expected + " bytes at offset " + offset + " were asked");
        }
        digest.update(bytes);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer, offset + buffer.position());
        }
        offset += bytes.length;
        progress.update(offset, info.size());
    }
}
