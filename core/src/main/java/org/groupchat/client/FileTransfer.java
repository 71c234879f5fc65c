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
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * Uploads and downloads of shared files (protocol 1.5, feature "files") over a {@link GroupClient}, a few chunks in
 * flight at a time on a socket of the transfer's own (same server, same keys): never a whole file in memory. Blocking, on the client's one thread. An upload interrupted (the server restarted, the
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
            ChunkDigests chunkDigests = ChunkDigests.start(in, size);
            String sha256 = sha256(in, size);
            String name = file.getFileName().toString();
            String type = mediaType != null ? mediaType : MediaTypes.guess(name);
            Request.FileBegin begin =
                    new Request.FileBegin(User.ofId(client.user().id()), fileId, name, size, sha256, type);
            return new UploadWindow(client, in, begin, chunkDigests, progress).run();
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
                long offset = new DownloadWindow(client, first, out, digest, progress).run(first);
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

    static MessageDigest digest() {
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
