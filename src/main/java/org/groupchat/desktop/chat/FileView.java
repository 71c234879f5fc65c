package org.groupchat.desktop.chat;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.MapChangeListener;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.groupchat.desktop.files.ImageTypes;
import org.groupchat.desktop.files.Picture;
import org.groupchat.desktop.files.Transfer;
import org.groupchat.protocol.FileInfo;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A shared file inside its message bubble: a picture as a thumbnail (a click opens the viewer), any other file as a
 * card (icon, name, size, Download / Open / Save as…); a progress bar with Cancel while it moves. Reused by its list
 * cell for whichever row it shows.
 */
final class FileView extends VBox {
    private static final double THUMBNAIL_WIDTH = 360;
    private static final double THUMBNAIL_HEIGHT = 270;

    private final ChatTabViewModel model;
    private final Thumbnails thumbnails;
    private final ObservableValue<Number> room;
    private final ImageView picture = new ImageView();
    private final Label pictureWait = new Label("Loading picture…");
    private final Hyperlink pictureAgain = new Hyperlink("Try again");
    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label details = new Label();
    private final Button download = new Button("Download");
    private final Button open = new Button("Open");
    private final Button saveAs = new Button("Save as…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label percent = new Label();
    private final Button cancel = new Button("Cancel");
    private final HBox moving;
    private final HBox buttons;
    private final Label outcome = new Label();
    private final ChangeListener<Object> redraw = (obs, was, now) -> refresh();
    private ChatLine line;
    /** The line and what of its transfer the row showed last, to tell when that row grew. */
    private String shapeShown;

    private Transfer watched;
    private ReadOnlyObjectProperty<Picture> watchedPicture;

    /** {@code room}: how wide the bubble may grow, which bounds a picture's width. */
    FileView(ChatTabViewModel model, Thumbnails thumbnails, ObservableValue<Number> room) {
        super(6);
        this.model = model;
        this.thumbnails = thumbnails;
        this.room = room;
        getStyleClass().add("file-view");
        picture.setPreserveRatio(true);
        picture.setCursor(Cursor.HAND);
        picture.getStyleClass().add("file-thumbnail");
        picture.setOnMouseClicked(event -> ImageViewer.show(getScene().getWindow(), line.file(), pictureFile(), model));
        Tooltip.install(picture, new Tooltip("Click to see it whole"));
        pictureWait.getStyleClass().add("file-details");
        pictureWait.setWrapText(true);
        pictureAgain.setOnAction(event -> model.files().pictures().tryAgain(line.file()));
        icon.getStyleClass().add("file-icon");
        icon.setIconSize(32);
        name.getStyleClass().add("file-name");
        name.setWrapText(true);
        details.getStyleClass().add("file-details");
        download.setOnAction(event -> model.files().download(line.file()));
        open.setOnAction(event -> model.files().open(line.file()));
        saveAs.setOnAction(event -> saveAs());
        for (Button b : new Button[] {download, open, saveAs, cancel}) {
            b.getStyleClass().add("small");
            b.setFocusTraversable(false);
        }
        buttons = new HBox(6, download, open, saveAs);
        VBox text = new VBox(2, name, details, buttons);
        HBox card = new HBox(10, icon, text);
        card.setAlignment(Pos.TOP_LEFT);
        card.getStyleClass().add("file-card");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        cancel.setOnAction(event -> cancel());
        moving = new HBox(8, progress, percent, cancel);
        moving.setAlignment(Pos.CENTER_LEFT);
        moving.getStyleClass().add("file-progress");
        outcome.getStyleClass().add("file-details");
        outcome.setWrapText(true);
        getChildren().setAll(picture, pictureWait, pictureAgain, card, moving, outcome);
        model.files().uploads().addListener((MapChangeListener<String, Transfer>) change -> concerns(change.getKey()));
        model.files().downloads().addListener((MapChangeListener<String, Transfer>)
                change -> concerns(change.getKey()));
        model.files().pictures().problems().addListener((MapChangeListener<String, String>) change -> {
            if (line != null
                    && line.file() != null
                    && InlinePictures.key(line.file()).equals(change.getKey())) {
                refresh();
            }
        });
    }

    /** Shows {@code shown}'s file; its progress and outcome follow the transfers of that file. */
    void show(ChatLine shown) {
        this.line = shown;
        refresh();
    }

    private void concerns(String fileId) {
        if (line != null && line.file() != null && line.file().id().equals(fileId)) {
            refresh();
        }
    }

    private void refresh() {
        String shape = shapeShown;
        FileInfo file = line.file();
        Transfer transfer = currentTransfer(file);
        watch(transfer);
        boolean asPicture = ImageTypes.shownInline(file) && !line.gone();
        Picture local = asPicture ? watchPicture(model.files().pictures().of(file)) : null;
        String problem = asPicture ? model.files().pictures().problem(file) : null;
        show(picture, asPicture && local != null);
        show(pictureWait, asPicture && local == null);
        show(pictureAgain, asPicture && local == null && problem != null);
        pictureWait.setText(problem == null ? "Loading picture…" : "The picture did not load: " + problem);
        if (local != null) {
            Image image = thumbnails.of(local, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            if (image != picture.getImage()) {
                picture.setImage(image);
                double natural = local.fitted(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT)[0];
                // as wide as it was scaled to, or as the bubble allows in a narrow window
                picture.fitWidthProperty().bind(room.map(w -> Math.min(natural, Math.max(40, w.doubleValue() - 24))));
                whenLoaded(image, this::resized);
            }
        } else {
            picture.setImage(null);
        }
        icon.setIconCode(FileIcons.of(file));
        show(icon, !asPicture);
        name.setText(file.name());
        boolean running = transfer != null && transfer.state() == Transfer.State.RUNNING;
        boolean stored = line.seq() > 0;
        details.setText(FileSizes.of(file.size()) + (file.mediaType() == null ? "" : " · " + file.mediaType()));
        show(moving, running);
        if (running) {
            progress.progressProperty().bind(transfer.progressProperty());
            percent.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> transfer.waitingProperty().get()
                                    ? "Waiting for its turn"
                                    : (int) Math.round(
                                                    transfer.progressProperty().get() * 100) + " %",
                            transfer.waitingProperty(),
                            transfer.progressProperty()));
        }
        boolean canFetch = stored && model.files().available() && !line.gone();
        show(buttons, canFetch && !running);
        show(download, !line.own());
        show(outcome, transfer != null && transfer.state() != Transfer.State.RUNNING && !transfer.isUpload());
        if (transfer != null && !transfer.isUpload()) {
            outcome.setText(
                    switch (transfer.state()) {
                        case DONE -> "Saved to " + transfer.result();
                        case FAILED -> "Not downloaded: " + transfer.problem();
                        case CANCELLED -> "Download cancelled";
                        case RUNNING -> "";
                    });
        }
        shapeShown = line.id() + "/" + moving.isVisible() + "/" + (outcome.isVisible() ? outcome.getText() : "");
        // the same line's row grew by a progress bar or an outcome's line (a reused cell showing another line did not)
        if (shape != null && shape.startsWith(line.id() + "/") && !shape.equals(shapeShown)) {
            resized();
        }
    }

    private static void whenLoaded(Image image, Runnable then) {
        if (image.getProgress() >= 1) {
            then.run();
            return;
        }
        image.progressProperty().addListener((obs, was, now) -> {
            if (now.doubleValue() >= 1) {
                then.run();
            }
        });
    }

    /** Our row grew: a conversation at its latest message keeps all of it in view. */
    private void resized() {
        fireEvent(new Event(ConversationScroller.ROW_RESIZED));
    }

    private Transfer currentTransfer(FileInfo file) {
        Transfer upload = model.files().uploadOf(file.id());
        if (upload != null && line.seq() == 0) {
            return upload;
        }
        return model.files().downloadOf(file.id());
    }

    private void watch(Transfer transfer) {
        if (watched == transfer) {
            return;
        }
        if (watched != null) {
            watched.stateProperty().removeListener(redraw);
        }
        progress.progressProperty().unbind();
        percent.textProperty().unbind();
        watched = transfer;
        if (transfer != null) {
            transfer.stateProperty().addListener(redraw);
        }
    }

    private Picture watchPicture(ReadOnlyObjectProperty<Picture> shown) {
        if (watchedPicture != shown) {
            if (watchedPicture != null) {
                watchedPicture.removeListener(redraw);
            }
            watchedPicture = shown;
            shown.addListener(redraw);
        }
        return shown.get();
    }

    private Path pictureFile() {
        return watchedPicture == null || watchedPicture.get() == null
                ? null
                : watchedPicture.get().file();
    }

    private void cancel() {
        if (watched == null) {
            return;
        }
        if (watched.isUpload()) {
            model.files().cancelUpload(line.file().id());
        } else {
            watched.cancel();
        }
    }

    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + line.file().name());
        chooser.setInitialFileName(line.file().name());
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            model.files().saveAs(line.file(), chosen.toPath());
        }
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
