package org.groupchat.desktop.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.groupchat.desktop.fx.Links;
import org.groupchat.security.KeyFileException;

/** The JavaFX application: reads the profile in {@link #init} (not on the FX thread), then shows the window. */
public final class DesktopApp extends Application {
    /** This process's hold on its profile, taken by {@link Launcher} before the toolkit starts; null in tests. */
    static volatile SingleInstance instance;

    private ChatApplication app;

    @Override
    public void init() {
        List<String> args = getParameters().getRaw();
        try {
            app = ChatApplication.prepare(
                    AppArguments.parse(args, System.getenv(), System.getProperty("groupchat.configDir")));
        } catch (KeyFileException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    @Override
    public void start(Stage stage) {
        Links.openWith(getHostServices()::showDocument);
        if (Boolean.getBoolean(SmokeExit.PROPERTY)) {
            SmokeExit.arm(stage, app);
        }
        if (instance != null) {
            instance.onActivate(() -> Platform.runLater(() -> {
                stage.setIconified(false);
                stage.toFront();
                stage.requestFocus();
            }));
        }
        app.show(stage, Platform::exit);
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.close();
        }
    }
}
