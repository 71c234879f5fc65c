package org.groupchat.desktop.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.groupchat.desktop.app.AppArguments;
import org.groupchat.desktop.app.ChatApplication;
import org.groupchat.desktop.chat.ChatLine;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;

/** One real app window for a TestFX test: its own profile folder, identity and registry address. */
public final class AppUnderTest {
    public final Stage stage;
    public final ChatApplication app;
    public final Identity identity;

    private AppUnderTest(Stage stage, ChatApplication app, Identity identity) {
        this.stage = stage;
        this.app = app;
        this.identity = identity;
    }

    /** Writes a profile (identity, registry, joined groups) to {@code configDir} and shows the app in {@code stage}. */
    public static AppUnderTest open(Stage stage, Path configDir, String name, String registry,
            List<JoinedGroup> joined) {
        return open(stage, configDir, name, registry, joined,
                name == null ? null : new org.groupchat.protocol.User(UUID.randomUUID().toString(), name));
    }

    /** As {@link #open(Stage, Path, String, String, List)}, as an existing user. */
    public static AppUnderTest open(Stage stage, Path configDir, String name, String registry,
            List<JoinedGroup> joined, org.groupchat.protocol.User user) {
        ProfileStore store = new ProfileStore(ProfilePaths.resolve("default", configDir, Map.of(), "Linux", configDir));
        Identity identity = user == null ? null : new Identity(user.id(), user.name());
        if (identity != null) {
            store.saveIdentity(identity);
        }
        store.saveSettings(new Settings(registry, joined));
        ChatApplication app = ChatApplication.prepare(new AppArguments("default", configDir, null));
        app.show(stage, () -> { });
        return new AppUnderTest(stage, app, identity);
    }

    public Node root() {
        return stage.getScene().getRoot();
    }

    public TabPane tabPane() {
        return (TabPane) root().lookup(".tab-pane");
    }

    public Tab tab(String groupName) {
        return tabPane().getTabs().stream().filter(t -> t.getId().equals("tab-" + groupName)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    public ListView<ChatLine> messages(String groupName) {
        return (ListView<ChatLine>) tab(groupName).getContent().lookup(".message-list");
    }

    public List<String> messageTexts(String groupName) {
        return messages(groupName).getItems().stream().map(ChatLine::text).toList();
    }

    public String connectionText(String groupName) {
        return ((Labeled) tab(groupName).getContent().lookup(".connection-label")).getText();
    }

    /** Quits the app cleanly (sessions closed, its servers stopped) and waits for it. */
    public void quit() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> app.quit(done::countDown));
        if (!done.await(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the app did not quit within 15 s");
        }
        CountDownLatch hidden = new CountDownLatch(1);
        Platform.runLater(() -> {
            stage.hide();
            hidden.countDown();
        });
        hidden.await(5, TimeUnit.SECONDS);
    }
}
