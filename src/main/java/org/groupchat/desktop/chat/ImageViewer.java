package org.groupchat.desktop.chat;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groupchat.protocol.FileInfo;

/** A window with a shared picture at full size (scaled down to fit the window, never up), to save or open it. */
final class ImageViewer {
    private ImageViewer() {}

    static void show(Window owner, FileInfo file, Path picture, ChatTabViewModel model) {
        if (picture == null) {
            return;
        }
        Image image = new Image(picture.toUri().toString(), true);
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        ProgressIndicator loading = new ProgressIndicator();
        loading.visibleProperty().bind(image.progressProperty().lessThan(1));
        StackPane canvas = new StackPane(view, loading);
        canvas.getStyleClass().add("image-viewer");
        canvas.setMinSize(0, 0);
        view.fitWidthProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.min(canvas.getWidth(), naturalWidth(image)),
                        canvas.widthProperty(),
                        image.widthProperty()));
        view.fitHeightProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> Math.min(canvas.getHeight(), naturalHeight(image)),
                        canvas.heightProperty(),
                        image.heightProperty()));

        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(file.name() + " — GroupChat");
        Label title = new Label(file.name() + "  ·  " + FileSizes.of(file.size()));
        title.getStyleClass().add("file-name");
        Button open = new Button("Open");
        open.setOnAction(event -> model.files().open(file));
        Button saveAs = new Button("Save as…");
        saveAs.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(file.name());
            File chosen = chooser.showSaveDialog(stage);
            if (chosen != null) {
                model.files().saveAs(file, chosen.toPath());
            }
        });
        Button close = new Button("Close");
        close.setOnAction(event -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, title, gap, open, saveAs, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        BorderPane root = new BorderPane(canvas, bar, null, null, null);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1000, screen.getWidth() * 0.8), Math.min(760, screen.getHeight() * 0.8));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                // after the key event: GTK crashes when a key press closes the window it was delivered to (DialogKeys)
                event.consume();
                Platform.runLater(stage::close);
            }
        });
        stage.setScene(scene);
        stage.show();
    }

    private static double naturalWidth(Image image) {
        return image.getWidth() > 0 ? image.getWidth() : Double.MAX_VALUE;
    }

    private static double naturalHeight(Image image) {
        return image.getHeight() > 0 ? image.getHeight() : Double.MAX_VALUE;
    }
}
