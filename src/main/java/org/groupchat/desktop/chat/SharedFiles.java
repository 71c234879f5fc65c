package org.groupchat.desktop.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.scene.image.Image;
import org.groupchat.client.MediaTypes;
import org.groupchat.desktop.files.FilePlaces;
import org.groupchat.desktop.files.Transfer;
import org.groupchat.desktop.fx.Links;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.User;

/**
 * The files of one tab: sharing ours (a row with a progress bar at once, then the file event in its place), fetching
 * others' to the Downloads folder or a chosen place, and the pictures shown inline. Part of a {@link ChatTabViewModel};
 * UI thread only, transfers run in the background.
 */
public final class SharedFiles {
    private final Conversation conversation;
    private final Supplier<GroupConnection> session;
    private final User me;
    private final LongSupplier clock;
    private final StringProperty notice;
    private final ObservableMap<String, Transfer> uploads = FXCollections.observableHashMap();
    private final ObservableMap<String, Transfer> downloads = FXCollections.observableHashMap();
    private final Map<String, Path> sources = new HashMap<>();
    private final InlinePictures pictures;
    private FilePlaces places;

    SharedFiles(
            Conversation conversation,
            Supplier<GroupConnection> session,
            User me,
            LongSupplier clock,
            StringProperty notice) {
        this.conversation = conversation;
        this.session = session;
        this.me = me;
        this.clock = clock;
        this.notice = notice;
        this.pictures = new InlinePictures(session, () -> places, sources::get);
    }

    void use(FilePlaces filePlaces) {
        this.places = filePlaces;
    }

    /** Whether this app can move files at all (the group's server must also list the feature "files"). */
    public boolean available() {
        return places != null;
    }

    /** Shares each file: a row of ours shows it at once with its progress; a folder or unreadable file is refused. */
    public void share(List<Path> files) {
        for (Path file : files) {
            String refusal = refusal(file);
            if (refusal != null) {
                notice.set(refusal);
                continue;
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                notice.set("Cannot read \"" + file.getFileName() + "\": " + e.getMessage());
                continue;
            }
            String name = file.getFileName().toString();
            String id = UUID.randomUUID().toString();
            FileInfo info = new FileInfo(id, name, size, null, MediaTypes.guess(name));
            sources.put(id, file);
            conversation.addPending(ChatLine.uploading(info, me, FileSizes.describe(name, size), clock.getAsLong()));
            startUpload(id);
        }
    }

    /** Why {@code file} cannot be shared, or null when it can. */
    static String refusal(Path file) {
        if (Files.isDirectory(file)) {
            return "\"" + file.getFileName() + "\" is a folder; share the files in it, or a zip of it.";
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return "Cannot read \"" + file.getFileName() + "\".";
        }
        return null;
    }

    private void startUpload(String id) {
        Transfer transfer = places.transfers().upload(session.get().fileEndpoint(), sources.get(id), id, stored -> {
            conversation.addStored(stored);
            uploads.remove(id);
        });
        transfer.stateProperty().addListener((obs, was, now) -> {
            if (now == Transfer.State.FAILED) {
                conversation.markFailed(id, transfer.problem());
            } else if (now == Transfer.State.CANCELLED) {
                uploads.remove(id);
                sources.remove(id);
                conversation.removePending(id);
            }
        });
        uploads.put(id, transfer);
    }

    /** Keeps a pasted picture as a PNG file (in the background), then hands it to {@code then}, e.g. to preview it. */
    public void keepPasted(Image picture, Consumer<Path> then) {
        places.transfers().savePicture(picture, places.imageCache().resolveSibling("pasted"), then, notice::set);
    }

    /** Whether {@code id} is one of our files shared from this window (its row retries as an upload). */
    boolean isOurUpload(String id) {
        return sources.containsKey(id);
    }

    /** Tries a failed upload again under the same file id: the server goes on from the last chunk it stored. */
    void retry(String fileId) {
        if (conversation.retry(fileId) != null && sources.containsKey(fileId)) {
            startUpload(fileId);
        }
    }

    /** Takes a failed upload of ours out of the conversation (it was never stored). */
    public void dismiss(String fileId) {
        Transfer transfer = uploads.get(fileId);
        if (transfer != null && transfer.state() == Transfer.State.RUNNING) {
            return;
        }
        uploads.remove(fileId);
        sources.remove(fileId);
        conversation.removePending(fileId);
    }

    public void cancelUpload(String fileId) {
        Transfer transfer = uploads.get(fileId);
        if (transfer != null) {
            transfer.cancel();
        }
    }

    /** Fetches the file into the Downloads folder under a name that overwrites nothing. */
    public Transfer download(FileInfo file) {
        Transfer known = downloads.get(file.id());
        if (known != null && known.state() == Transfer.State.RUNNING) {
            return known;
        }
        Transfer transfer = places.transfers().downloadInto(session.get().fileEndpoint(), file, places.downloads());
        downloads.put(file.id(), transfer);
        return transfer;
    }

    /** Fetches the file to {@code target}, which the user chose and agreed to replace. */
    public Transfer saveAs(FileInfo file, Path target) {
        Transfer transfer = places.transfers().downloadReplacing(session.get().fileEndpoint(), file, target);
        downloads.put(file.id(), transfer);
        return transfer;
    }

    /** Opens the file with the system's program for it, downloading it first if it is not downloaded yet. */
    public void open(FileInfo file) {
        Path local = localCopy(file);
        if (local != null) {
            Links.open(local.toUri().toString());
            return;
        }
        Transfer transfer = download(file);
        transfer.stateProperty().addListener((obs, was, now) -> {
            if (now == Transfer.State.DONE) {
                Links.open(transfer.result().toUri().toString());
            }
        });
    }

    /** Our own original, or the copy downloaded in this session, or null. */
    public Path localCopy(FileInfo file) {
        Path own = sources.get(file.id());
        if (own != null && Files.isRegularFile(own)) {
            return own;
        }
        Transfer fetched = downloads.get(file.id());
        if (fetched != null && fetched.state() == Transfer.State.DONE && Files.isRegularFile(fetched.result())) {
            return fetched.result();
        }
        return null;
    }

    /** The pictures shown inline: ours at once, others' fetched once into the profile's cache. */
    InlinePictures pictures() {
        return pictures;
    }

    /** The upload of our file {@code fileId} while it runs, or null. */
    public Transfer uploadOf(String fileId) {
        return uploads.get(fileId);
    }

    /** The latest download of {@code fileId} in this session, or null. */
    public Transfer downloadOf(String fileId) {
        return downloads.get(fileId);
    }

    /** Changes whenever a transfer starts or ends, for views that show them. */
    public ObservableMap<String, Transfer> uploads() {
        return uploads;
    }

    public ObservableMap<String, Transfer> downloads() {
        return downloads;
    }
}
