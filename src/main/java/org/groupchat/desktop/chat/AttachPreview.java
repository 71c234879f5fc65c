package org.groupchat.desktop.chat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.groupchat.client.MediaTypes;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.protocol.FileInfo;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Before files are shared: what they are (a small picture or an icon, name, size) and where they go; Share or Cancel.
 * Enter shares, Esc cancels.
 */
final class AttachPreview {
    static final ButtonType SHARE = new ButtonType("Share", ButtonBar.ButtonData.OK_DONE);

    private AttachPreview() {}

    /** Asks; returns whether the user chose to share {@code files} in {@code group}. */
    static boolean confirm(Window owner, String group, List<Path> files) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Share in " + group);
        dialog.setHeaderText(
                files.size() == 1 ? "Share this file in " + group + "?" : "Share these files in " + group + "?");
        VBox list = new VBox(8);
        list.getStyleClass().add("attach-preview");
        files.stream().limit(10).map(AttachPreview::row).forEach(list.getChildren()::add);
        if (files.size() > 10) {
            list.getChildren().add(new Label("and " + (files.size() - 10) + " more"));
        }
        dialog.getDialogPane().setContent(list);
        dialog.getDialogPane().getButtonTypes().setAll(SHARE, ButtonType.CANCEL);
        DialogKeys.closeAfterKeyEvent(dialog);
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.isPresent() && answer.get() == SHARE;
    }

    private static Node row(Path file) {
        String name = file.getFileName().toString();
        String refusal = SharedFiles.refusal(file);
        Label title = new Label(name);
        title.getStyleClass().add("file-name");
        title.setWrapText(true);
        // measured at this width, a long name wraps; measured unwrapped, it was cut to "pasted 2026-12-07 ..."
        title.setPrefWidth(320);
        Label details = new Label(refusal != null ? refusal + " It is left out." : size(file));
        details.getStyleClass().add("file-details");
        String type = MediaTypes.guess(name);
        FileInfo described = new FileInfo("", name, 0, null, type);
        Node icon;
        if (refusal == null && type != null && type.startsWith("image/") && !type.equals("image/webp")) {
            // loaded in the background at its small size: a large picture never holds up the dialog
            icon = new ImageView(new Image(file.toUri().toString(), 64, 64, true, true, true));
        } else {
            FontIcon glyph = new FontIcon(FileIcons.of(described));
            glyph.setIconSize(32);
            icon = glyph;
        }
        HBox row = new HBox(10, icon, new VBox(2, title, details));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static String size(Path file) {
        try {
            return FileSizes.of(Files.size(file));
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
