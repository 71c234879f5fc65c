package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.groupchat.client.FileCorruptedException;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code send-file} and {@code get-file} (1.5, feature "files"), with a progress line when stdout is a terminal. */
final class FileCommands {
    private FileCommands() {}

    @Command(
            name = "send-file",
            description = {
                "Share the file PATH with the group (at most 25 MiB unless its operator"
                        + " says otherwise). Prints the file event, with the file id others download it by.",
                "An interrupted upload resumes where it stopped when run again with --file-id and the id it printed."
            })
    static final class SendFile extends GroupCommand {
        @Parameters(index = "1", paramLabel = "PATH", description = "The file to share.")
        Path path;

        @Option(names = "--file-id", paramLabel = "UUID", description = "Resume the upload with this file id.")
        String fileId;

        @Option(names = "--type", paramLabel = "MEDIA/TYPE", description = "The media type (default: from the name).")
        String mediaType;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            if (!Files.isRegularFile(path)) {
                throw new UsageProblem("no such file: " + path);
            }
            String id = fileId != null ? fileId : UUID.randomUUID().toString();
            PrintWriter err = spec.commandLine().getErr();
            err.println("uploading " + path.getFileName() + " as file id " + id);
            err.flush();
            try {
                Message event = new FileTransfer(groupClient).upload(path, id, mediaType, ProgressLine.on(out));
                ProgressLine.end(out);
                out.println(MessageFormat.line(event, false));
                out.println("file id: " + event.file().id());
            } catch (UncheckedIOException e) {
                throw new UsageProblem(e.getMessage());
            }
            out.flush();
        }
    }

    @Command(
            name = "get-file",
            description = {
                "Download the shared file FILE_ID into the current folder (or --to a"
                        + " folder or file name). Its SHA-256 is checked before it is saved; an existing file is never replaced:"
                        + " \"name (1).ext\" is used instead."
            })
    static final class GetFile extends GroupCommand {
        @Parameters(index = "1", paramLabel = "FILE_ID", description = "The file id (send-file and fetch print it).")
        String fileId;

        @Option(
                names = "--to",
                paramLabel = "PATH",
                description = "A folder, or the file to write (default: the current folder).")
        Path to;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            Path target = to != null ? to : Path.of("").toAbsolutePath();
            try {
                Path saved = new FileTransfer(groupClient).download(fileId, target, ProgressLine.on(out));
                ProgressLine.end(out);
                out.println("saved " + saved);
            } catch (UncheckedIOException | FileCorruptedException e) {
                throw new UsageProblem(e.getMessage());
            }
            out.flush();
        }
    }

    /** "  42% 10.5 of 25.0 MB", redrawn in place, only when a person watches (stdout is a terminal). */
    static final class ProgressLine {
        private ProgressLine() {}

        static FileTransfer.Progress on(PrintWriter out) {
            if (System.console() == null) {
                return FileTransfer.Progress.NONE;
            }
            return (done, total) -> {
                out.print(String.format(
                        Locale.ROOT,
                        "\r%4d%% %.1f of %.1f MB",
                        total == 0 ? 100 : done * 100 / total,
                        done / 1e6,
                        total / 1e6));
                out.flush();
            };
        }

        static void end(PrintWriter out) {
            if (System.console() != null) {
                out.println();
            }
        }
    }
}
