package org.groupchat.desktop.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads an FXML view from its feature folder under {@code /fxml} (e.g. {@code chat/ChatTab.fxml}) with controllers made by the caller (they need their view models). */
public final class Views {
    private Views() {}

    public static Parent load(String fxml, Callback<Class<?>, Object> controllers) {
        URL location = Views.class.getResource("/fxml/" + fxml);
        if (location == null) {
            throw new IllegalStateException("missing view /fxml/" + fxml);
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}
