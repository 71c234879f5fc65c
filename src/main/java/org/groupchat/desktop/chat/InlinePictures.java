package org.groupchat.desktop.chat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.groupchat.desktop.files.FilePlaces;
import org.groupchat.desktop.files.ImageTypes;
import org.groupchat.desktop.files.Picture;
import org.groupchat.desktop.files.Transfer;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.FileInfo;

/**
 * The pictures a tab shows inline: our own at once, others' fetched once into the profile's cache (named by their
 * SHA-256, checked on the way). A fetch that failed is not tried again until the user asks or the group moves, so an
 * unreachable server or a bad file never makes the tab download in a loop.
 */
final class InlinePictures {
    private final Supplier<GroupConnection> session;
    private final Supplier<FilePlaces> places;
    private final Function<String, Path> ownSource;
    private final Map<String, ObjectProperty<Picture>> pictures = new HashMap<>();
    private final ObservableMap<String, String> problems = FXCollections.observableHashMap();

    InlinePictures(Supplier<GroupConnection> session, Supplier<FilePlaces> places, Function<String, Path> ownSource) {
        this.session = session;
        this.places = places;
        this.ownSource = ownSource;
    }

    /** The picture once it is here (with its size); empty while it is fetched, or when it could not be. */
    ReadOnlyObjectProperty<Picture> of(FileInfo file) {
        String key = key(file);
        ObjectProperty<Picture> known = pictures.get(key);
        if (known != null) {
            return known;
        }
        ObjectProperty<Picture> shown = new SimpleObjectProperty<>();
        Path own = ownSource.apply(file.id());
        if (places.get() == null || !ImageTypes.shownInline(file) || problems.containsKey(key)) {
            return shown;
        }
        pictures.put(key, shown);
        if (own != null) {
            places.get().transfers().measure(own, shown::set);
        } else {
            fetch(file, key, shown);
        }
        return shown;
    }

    /** Why the picture could not be fetched, or null. */
    String problem(FileInfo file) {
        return problems.get(key(file));
    }

    /** Forgets that the picture could not be fetched, so showing it fetches it again. */
    void tryAgain(FileInfo file) {
        problems.remove(key(file));
    }

    /** After the group moved: every picture that failed may come now. */
    void tryAllAgain() {
        problems.clear();
    }

    /** Changes when a fetch fails or may be tried again. */
    ObservableMap<String, String> problems() {
        return problems;
    }

    private void fetch(FileInfo file, String key, ObjectProperty<Picture> shown) {
        FilePlaces at = places.get();
        Path cached = at.imageCache().resolve(file.sha256().toLowerCase(Locale.ROOT) + extension(file));
        Transfer transfer = at.transfers().downloadCached(session.get().fileEndpoint(), file, cached);
        transfer.stateProperty().addListener((obs, was, now) -> {
            if (now == Transfer.State.DONE) {
                at.transfers().measure(transfer.result(), shown::set);
            } else if (now == Transfer.State.FAILED) {
                pictures.remove(key);
                problems.put(key, transfer.problem());
            }
        });
    }

    static String key(FileInfo file) {
        return file.sha256() != null ? file.sha256().toLowerCase(Locale.ROOT) : file.id();
    }

    private static String extension(FileInfo file) {
        int dot = file.name().lastIndexOf('.');
        String ext = dot < 0 ? "" : file.name().substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
    }
}
