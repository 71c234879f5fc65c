package org.groupchat.desktop.files;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.desktop.session.FileEndpoint;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;

/**
 * Runs uploads and downloads in the background, each on a thread and a {@link GroupClient} of its own, and shows their
 * progress on the UI thread. The window stays responsive whatever the size of the file; a download is checked
 * against its SHA-256 before it is put anywhere the user looks. Uploads take turns, a few at a time.
 */
public final class FileTransfers {
    private static final DateTimeFormatter PASTED_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss");
    /** Below the group server's default of 3 uploads in progress per user, so a drop of many files queues here. */
    static final int UPLOADS_AT_ONCE = 2;

    private final UiExecutor ui;
    private final Semaphore uploadTurns = new Semaphore(UPLOADS_AT_ONCE, true);

    public FileTransfers(UiExecutor ui) {
        this.ui = ui;
    }

    /**
     * Shares {@code file} under {@code fileId} (the same id resumes an interrupted upload); {@code onStored} gets the
     * file event on the UI thread once the server stored every byte.
     */
    public Transfer upload(FileEndpoint at, Path file, String fileId, Consumer<Message> onStored) {
        Transfer transfer = Transfer.queuedUpload(fileId);
        ui.inBackground(
                () -> {
                    // in the order they were shared; one cancelled while it waited ends when its turn comes
                    uploadTurns.acquire();
                    try {
                        if (transfer.cancelRequested()) {
                            throw new CancellationException("cancelled while waiting for its turn");
                        }
                        ui.onUi(transfer::started);
                        try (GroupClient client = at.open()) {
                            return new FileTransfer(client).upload(file, fileId, null, progressOf(transfer));
                        }
                    } finally {
                        uploadTurns.release();
                    }
                },
                stored -> {
                    transfer.succeeded(null);
                    onStored.accept(stored);
                },
                error -> transfer.failed(TransferProblems.explain(error)));
        return transfer;
    }

    /** Downloads {@code file} into {@code folder} (made if missing) under its own name, overwriting nothing. */
    public Transfer downloadInto(FileEndpoint at, FileInfo file, Path folder) {
        return download(file, transfer -> {
            Files.createDirectories(folder);
            return fetch(at, file, folder, transfer);
        });
    }

    /** Downloads {@code file} onto {@code target}, which the user chose and agreed to replace. */
    public Transfer downloadReplacing(FileEndpoint at, FileInfo file, Path target) {
        return download(file, transfer -> {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createDirectory(parent.resolve(".groupchat-download-" + UUID.randomUUID()));
            try {
                return Files.move(fetch(at, file, staging, transfer), target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                deleteFolder(staging);
            }
        });
    }

    /**
     * Makes sure {@code cached} holds {@code file} (named by its SHA-256, so one already there was verified); the cache
     * stays under {@link PictureCache#MOST_BYTES}.
     */
    public Transfer downloadCached(FileEndpoint at, FileInfo file, Path cached) {
        return download(file, transfer -> {
            if (Files.isRegularFile(cached)) {
                PictureCache.used(cached);
                return cached;
            }
            Files.createDirectories(cached.getParent());
            Path staging = Files.createDirectory(cached.resolveSibling(".download-" + UUID.randomUUID()));
            try {
                Files.move(fetch(at, file, staging, transfer), cached, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                deleteFolder(staging);
            }
            PictureCache.trim(cached.getParent(), PictureCache.MOST_BYTES, cached);
            return cached;
        });
    }

    /** Reads a local picture's size in the background, then hands it to {@code then} on the UI thread. */
    public void measure(Path picture, Consumer<Picture> then) {
        ui.inBackground(() -> Picture.measure(picture), then, error -> then.accept(new Picture(picture, 0, 0)));
    }

    /** Writes a picture from the clipboard as a PNG file in {@code folder}, in the background; then {@code onSaved}. */
    public void savePicture(Image picture, Path folder, Consumer<Path> onSaved, Consumer<String> onFailed) {
        BufferedImage pixels = SwingFXUtils.fromFXImage(picture, null);
        String name = "pasted " + PASTED_NAME.format(LocalDateTime.now()) + ".png";
        ui.inBackground(
                () -> {
                    Files.createDirectories(folder);
                    Path file = folder.resolve(name);
                    if (!ImageIO.write(pixels, "png", file.toFile())) {
                        throw new IOException("no PNG writer in this Java runtime");
                    }
                    return file;
                },
                onSaved,
                error -> onFailed.accept("Could not keep the pasted picture: " + TransferProblems.explain(error)));
    }

    @FunctionalInterface
    private interface Download {
        Path run(Transfer transfer) throws IOException;
    }

    private Transfer download(FileInfo file, Download work) {
        Transfer transfer = new Transfer(file.id(), false);
        ui.inBackground(
                () -> work.run(transfer),
                transfer::succeeded,
                error -> transfer.failed(TransferProblems.explain(error)));
        return transfer;
    }

    private Path fetch(FileEndpoint at, FileInfo file, Path target, Transfer transfer) {
        try (GroupClient client = at.open()) {
            return new FileTransfer(client).download(file.id(), target, progressOf(transfer));
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var left = Files.list(folder)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** Reports each whole percent once; a cancelled transfer stops at its next chunk. */
    private FileTransfer.Progress progressOf(Transfer transfer) {
        int[] shown = {-1};
        return (done, total) -> {
            if (transfer.cancelRequested()) {
                throw new CancellationException("cancelled");
            }
            int percent = total <= 0 ? 100 : (int) (done * 100 / total);
            if (percent != shown[0]) {
                shown[0] = percent;
                ui.onUi(() -> transfer.advance(percent / 100.0));
            }
        };
    }
}
