package org.groupchat.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;

/**
 * Uploads and downloads of shared files (protocol 1.5, feature "files") over a {@link GroupClient}, a chunk at a time:
 * never a whole file in memory. Blocking, on the client's one thread. An upload interrupted (the server restarted, the
 * connection dropped) is resumed by calling {@link #upload(Path, String, String, Progress)} again with the same file
 * id; a download is written to a {@code .part} file, checked against its SHA-256, and only then moved into place,
 * under a name that overwrites nothing.
 */
public final class FileTransfer {
    /** Told the bytes done so far and the total, after each chunk. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void update(long done, long total);
    }

    private static final int MOST_RESYNCS = 3;
    private final GroupClient client;

    public FileTransfer(GroupClient client) {
        this.client = client;
    }

    /** Shares the file under a fresh file id; returns its {@code file} event. */
    public Message upload(Path file, Progress progress) {
        return upload(file, UUID.randomUUID().toString(), null, progress);
    }

    /**
     * Shares the file under {@code fileId} (keep it to resume: the same id continues from the last chunk the server
     * stored), with {@code mediaType} (null: guessed from the name). Returns the {@code file} event.
     *
     * @throws ServerErrorException when the server refuses (TOO_LARGE, RATE_LIMITED, ...): its sentence says why
     */
    public Message upload(Path file, String fileId, String mediaType, Progress progress) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            String sha256 = sha256(in, size);
            String name = file.getFileName().toString();
            String type = mediaType != null ? mediaType : MediaTypes.guess(name);
            Reply.FileProgress at = client.fileBegin(fileId, name, size, sha256, type);
            int resyncs = 0;
            ByteBuffer buffer = ByteBuffer.allocate(at.chunkSize());
            while (!at.complete()) {
                progress.update(at.offset(), size);
                byte[] chunk = read(in, at.offset(), (int) Math.min(at.chunkSize(), size - at.offset()), buffer);
                try {
                    at = client.fileChunk(fileId, at.offset(), hex(digest().digest(chunk)), chunk);
                    resyncs = 0;
                } catch (ServerErrorException e) {
                    // the server holds other bytes than we think (it lost its last chunks, or the file changed): ask
                    // again
                    if (e.code() != ErrorCode.BAD_REQUEST || ++resyncs > MOST_RESYNCS) {
                        throw e;
                    }
                    at = client.fileBegin(fileId, name, size, sha256, type);
                }
            }
            progress.update(size, size);
            return at.message();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Downloads the file into {@code target}: a folder (the file keeps its shared name) or a file path. An existing
     * file is never replaced: {@code name (1).ext}, {@code name (2).ext}... Returns where the file was put.
     *
     * @throws FileCorruptedException when the bytes received do not match the file's SHA-256 (nothing is put in place)
     */
    public Path download(String fileId, Path target, Progress progress) {
        Reply.FileData first = client.fileGet(fileId, 0);
        FileInfo info = first.file();
        Path wanted = Files.isDirectory(target) ? target.resolve(SafeNames.of(info.name())) : target;
        Path part = wanted.resolveSibling(wanted.getFileName() + ".part");
        try {
            try (FileChannel out = FileChannel.open(
                    part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                MessageDigest digest = digest();
                Reply.FileData data = first;
                long offset = 0;
                while (true) {
                    digest.update(data.bytes());
                    out.write(ByteBuffer.wrap(data.bytes()), offset);
                    offset += data.bytes().length;
                    progress.update(offset, info.size());
                    if (offset >= info.size()) {
                        break;
                    }
                    data = client.fileGet(fileId, offset);
                }
                String actual = hex(digest.digest());
                if (!actual.equals(info.sha256()) || offset != info.size()) {
                    throw new FileCorruptedException(info, actual);
                }
                out.force(true);
            }
            return moveIntoPlace(part, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part is harmless: the next download truncates it
            }
        }
    }

    /** Moves the verified file to {@code wanted}, or to the first free {@code name (n).ext} beside it. */
    static Path moveIntoPlace(Path part, Path wanted) throws IOException {
        for (int n = 0; n <= 10_000; n++) {
            Path candidate = n == 0
                    ? wanted
                    : wanted.resolveSibling(
                            SafeNames.numbered(wanted.getFileName().toString(), n));
            try {
                // without REPLACE_EXISTING: a file of that name is never overwritten
                return Files.move(part, candidate);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next number
            }
        }
        throw new IOException("no free name beside " + wanted);
    }

    private static byte[] read(FileChannel in, long offset, int length, ByteBuffer buffer) throws IOException {
        buffer.clear().limit(length);
        while (buffer.hasRemaining()) {
            if (in.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("the file got shorter while it was being sent");
            }
        }
        byte[] chunk = new byte[length];
        buffer.flip().get(chunk);
        return chunk;
    }

    static String sha256(FileChannel in, long size) throws IOException {
        MessageDigest digest = digest();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (long at = 0; at < size; ) {
            buffer.clear();
            int n = in.read(buffer, at);
            if (n < 0) {
                break;
            }
            buffer.flip();
            digest.update(buffer);
            at += n;
        }
        return hex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
