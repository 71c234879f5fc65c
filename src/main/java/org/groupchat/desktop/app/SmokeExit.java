package org.groupchat.desktop.app;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * For the installer's smoke test (system property {@code groupchat.smokeExit=true}): prints a line when the
 * main window is shown, waits until the app has found or started its registry, then closes the window as a
 * user would, so the app quits through its normal path.
 */
final class SmokeExit {
    static final String PROPERTY = "groupchat.smokeExit";

    private SmokeExit() {}

    static void arm(Stage stage, ChatApplication app) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown -> {
            System.out.println("GroupChat: main window shown");
            ChangeListener<String> ready = new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends String> status, String was, String now) {
                    if (now != null && !now.isEmpty() && !now.startsWith("Looking for a registry")) {
                        status.removeListener(this);
                        System.out.println("GroupChat: " + now);
                        Platform.runLater(
                                () -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
                    }
                }
            };
            app.model().statusProperty().addListener(ready);
        });
    }
}
