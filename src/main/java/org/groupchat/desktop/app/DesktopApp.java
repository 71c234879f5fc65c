package org.groupchat.desktop.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.groupchat.security.KeyFileException;

/** The JavaFX application: reads the profile in {@link #init} (not on the FX thread), then shows the window. */
public final class DesktopApp extends Application {
    private ChatApplication app;

    @Override
    public void init() {
        List<String> args = getParameters().getRaw();
        try {
            app = ChatApplication.prepare(AppArguments.parse(args, System.getenv(),
                    System.getProperty("groupchat.configDir")));
        } catch (KeyFileException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    @Override
    public void start(Stage stage) {
        if (Boolean.getBoolean(SmokeExit.PROPERTY)) {
            SmokeExit.arm(stage, app);
        }
        app.show(stage, Platform::exit);
    }
}
