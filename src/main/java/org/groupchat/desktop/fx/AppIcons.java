package org.groupchat.desktop.fx;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app's icon in the sizes window managers pick from (title bar, task switcher); decoded in the background. */
public final class AppIcons {
    private static final List<Image> ICONS = Stream.of(16, 32, 48, 64, 128, 256)
            .map(size -> new Image(
                    AppIcons.class
                            .getResource("/icons/groupchat-" + size + ".png")
                            .toExternalForm(),
                    true))
            .toList();

    private AppIcons() {}

    /** Gives {@code stage} the app's icon. */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(ICONS);
    }
}
