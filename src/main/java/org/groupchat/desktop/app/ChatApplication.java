package org.groupchat.desktop.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.fx.AppIcons;
import org.groupchat.desktop.fx.FxUiExecutor;
import org.groupchat.desktop.fx.Theme;
import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.desktop.main.MainWindowView;
import org.groupchat.desktop.main.MainWindowViewModel;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.IdentityDialog;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.desktop.profile.WindowBounds;
import org.groupchat.desktop.session.GroupSession;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;

/**
 * Puts the app together for one profile: reads it from disk ({@link #prepare}, off the UI thread), then
 * shows the identity dialog if needed and the main window ({@link #show}, on the UI thread).
 */
public final class ChatApplication {
    public static final long REGISTRY_REFRESH_MS = 1_500;

    private final AppArguments arguments;
    private final ProfileStore store;
    private final CurveKeyPair keys;
    private final Optional<Identity> savedIdentity;
    private final Settings settings;
    private final Optional<WindowBounds> savedWindow;
    private final FxUiExecutor ui = new FxUiExecutor();
    private MainWindowViewModel model;

    private ChatApplication(
            AppArguments arguments,
            ProfileStore store,
            CurveKeyPair keys,
            Optional<Identity> identity,
            Settings settings,
            Optional<WindowBounds> window) {
        this.arguments = arguments;
        this.store = store;
        this.keys = keys;
        this.savedIdentity = identity;
        this.settings = settings;
        this.savedWindow = window;
    }

    /** Reads the profile's identity and settings; blocking disk I/O. */
    public static ChatApplication prepare(AppArguments arguments) {
        ProfilePaths paths = ProfilePaths.resolve(
                arguments.profile(),
                arguments.configDir(),
                System.getenv(),
                System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
        ProfileStore store = new ProfileStore(paths);
        store.removeUnfinishedWrites();
        Emojis.bundled(); // reads the emoji index here, off the FX thread
        Settings settings = store.settings();
        if (arguments.registry() != null) {
            settings = settings.withRegistry(arguments.registry());
        }
        if (arguments.registryKey() != null) {
            settings = settings.withRegistryKey(settings.registry(), KeyFiles.publicKeyFrom(arguments.registryKey()));
        }
        return new ChatApplication(arguments, store, store.keys(), store.identity(), settings, store.window());
    }

    /** Shows the window (after asking for a name on the first start); {@code onQuit} runs after a clean quit. */
    public void show(Stage stage, Runnable onQuit) {
        Theme.of(settings.theme()).apply();
        if (savedIdentity.isPresent()) {
            open(stage, savedIdentity.get(), onQuit);
            return;
        }
        IdentityDialog dialog = new IdentityDialog(arguments.profile(), keys);
        dialog.setOnHidden(event -> {
            Identity identity = dialog.getResult();
            if (identity == null) {
                ui.close();
                onQuit.run();
                return;
            }
            open(stage, identity, onQuit);
            ui.inBackground(
                    () -> store.saveIdentity(identity),
                    error -> model.statusProperty()
                            .set("Could not save your name and id; you will be asked again next time: "
                                    + error.getMessage()));
        });
        dialog.show();
    }

    private void open(Stage stage, Identity identity, Runnable onQuit) {
        boolean secureServers = settings.secureLocalServers() && !arguments.insecureLocalServers();
        LocalServers servers = new LocalServers(
                store.paths().dataDir(),
                store.paths().sharedDataDir(),
                secureServers,
                identity.userFor(true).id());
        model = new MainWindowViewModel(
                ui,
                store,
                identity,
                settings,
                (name, endpoint, serverKey, listener) -> GroupSession.start(
                        name, endpoint, serverKey, identity.keys(), identity.userFor(serverKey != null), ui, listener),
                servers,
                REGISTRY_REFRESH_MS);
        MainWindowView[] view = new MainWindowView[1];
        view[0] = MainWindowView.load(
                model,
                stage,
                () -> {
                    WindowBounds bounds = WindowPlacement.capture(stage, savedWindow, view[0].groupsWidth());
                    ui.inBackground(
                            () -> {
                                store.saveWindow(bounds);
                                return null;
                            },
                            saved -> quitNow(onQuit),
                            error -> quitNow(onQuit));
                },
                savedWindow.map(WindowBounds::groupsWidth).orElse(WindowPlacement.DEFAULT_GROUPS_WIDTH));
        Scene scene = new Scene(view[0].root());
        scene.getStylesheets()
                .add(ChatApplication.class
                        .getResource("/fxml/theme/groupchat.css")
                        .toExternalForm());
        stage.setScene(scene);
        AppIcons.apply(stage);
        String title = "GroupChat — " + identity.name()
                + (arguments.profile().equals(ProfilePaths.DEFAULT_PROFILE) ? "" : " [" + arguments.profile() + "]");
        stage.titleProperty()
                .bind(view[0].unreadTotal()
                        .map(unread -> unread.intValue() == 0 ? title : "(" + unread + ") " + title));
        boolean cascaded = !arguments.profile().equals(ProfilePaths.DEFAULT_PROFILE);
        WindowPlacement.apply(stage, savedWindow, cascaded);
        stage.show();
        // under a window manager (openbox) GTK maps the window at its minimum, whatever was set before show()
        Platform.runLater(() -> {
            WindowPlacement.apply(stage, savedWindow, cascaded);
            stage.setMinWidth(WindowPlacement.MIN_WIDTH);
            stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        });
        stage.requestFocus();
        model.start();
    }

    private void quitNow(Runnable onQuit) {
        ui.close();
        onQuit.run();
    }

    /** The main window's model once shown; for tests and tools. */
    public MainWindowViewModel model() {
        return model;
    }

    /** Closes sessions and stops this process's servers; {@code done} runs on the UI thread afterwards. */
    public void quit(Runnable done) {
        if (model == null) {
            ui.close();
            done.run();
            return;
        }
        model.quit(() -> {
            ui.close();
            done.run();
        });
    }
}
