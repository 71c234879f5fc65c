package org.groupchat.desktop.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.groupchat.desktop.app.AppArguments;
import org.groupchat.desktop.app.ChatApplication;
import org.groupchat.desktop.chat.ChatLine;
import org.groupchat.desktop.fx.LockIcon;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.User;
import org.groupchat.security.CurveKeyPair;

/**
 * One real app window for a TestFX test: its own profile folder, identity and registry address. Its accessors look
 * the scene graph up on the FX thread ({@link Fx}); a node they return is read inside {@link Fx#get} too.
 */
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
    public static AppUnderTest open(
            Stage stage, Path configDir, String name, String registry, List<JoinedGroup> joined) {
        return open(
                stage,
                configDir,
                name,
                registry,
                joined,
                name == null ? null : new User(UUID.randomUUID().toString(), name));
    }

    /** Bob, say, with a profile in {@code configDir} that has joined {@code groups} on {@code registry}. */
    public static AppUnderTest openJoined(
            Stage stage, Path configDir, String name, String registry, GroupServer... groups) {
        return open(
                stage,
                configDir,
                name,
                registry,
                Stream.of(groups)
                        .map(group -> new JoinedGroup(group.name(), group.advertisedEndpoint()))
                        .toList());
    }

    /** As {@link #open(Stage, Path, String, String, List)}, as an existing user. */
    public static AppUnderTest open(
            Stage stage, Path configDir, String name, String registry, List<JoinedGroup> joined, User user) {
        return open(stage, configDir, new Settings(registry, joined), user);
    }

    /** A profile with these settings (e.g. trusted registry keys) as {@code user}, or a first start when it is null. */
    public static AppUnderTest open(Stage stage, Path configDir, Settings settings, User user) {
        ProfileStore store = store(configDir);
        Identity identity = user == null ? null : new Identity(user.id(), user.name(), store.keys());
        if (identity != null) {
            store.saveIdentity(identity);
        }
        store.saveSettings(settings);
        ChatApplication app = ChatApplication.prepare(new AppArguments("default", configDir, null));
        app.show(stage, () -> {});
        return new AppUnderTest(stage, app, identity);
    }

    /**
     * Starts {@code profile} (a second identity beside the default one in {@code baseDir}, as {@code --profile}
     * does), with a name already chosen, on the registry at {@code registry}.
     */
    public static AppUnderTest openProfile(Stage stage, Path baseDir, String profile, String name, String registry) {
        ProfileStore store = new ProfileStore(ProfilePaths.resolve(profile, baseDir, Map.of(), "Linux", baseDir));
        Identity identity = new Identity(UUID.randomUUID().toString(), name, store.keys());
        store.saveIdentity(identity);
        store.saveSettings(new Settings(registry, List.of()));
        ChatApplication app = ChatApplication.prepare(new AppArguments(profile, baseDir, null));
        app.show(stage, () -> {});
        return new AppUnderTest(stage, app, identity);
    }

    /** Starts the app again on the profile in {@code configDir} as it was left, like a restart. */
    public static AppUnderTest reopen(Stage stage, Path configDir) {
        ChatApplication app = ChatApplication.prepare(new AppArguments("default", configDir, null));
        app.show(stage, () -> {});
        return new AppUnderTest(stage, app, store(configDir).identity().orElse(null));
    }

    /** The key pair of the profile in {@code configDir}, created now if it has none yet. */
    public static CurveKeyPair profileKeys(Path configDir) {
        return store(configDir).keys();
    }

    private static ProfileStore store(Path configDir) {
        return new ProfileStore(ProfilePaths.resolve("default", configDir, Map.of(), "Linux", configDir));
    }

    public Node root() {
        return Fx.get(() -> stage.getScene().getRoot());
    }

    public TabPane tabPane() {
        return Fx.get(() -> (TabPane) root().lookup(".tab-pane"));
    }

    /** The group's tab, or null; read its state inside {@link Fx#get}. */
    public Tab tab(String groupName) {
        return Fx.get(() -> tabPane().getTabs().stream()
                .filter(t -> t.getId().equals("tab-" + groupName))
                .findFirst()
                .orElse(null));
    }

    @SuppressWarnings("unchecked")
    public ListView<ChatLine> messages(String groupName) {
        return Fx.get(() -> (ListView<ChatLine>) tab(groupName).getContent().lookup(".message-list"));
    }

    /** The rows of the group's message list as they are now. */
    public List<ChatLine> lines(String groupName) {
        return Fx.get(() -> List.copyOf(messages(groupName).getItems()));
    }

    /** The row showing the message whose current text is {@code text}, as laid out now, or null when it is not on screen. */
    @SuppressWarnings("unchecked")
    public ListCell<ChatLine> row(String groupName, String text) {
        return Fx.get(() -> messages(groupName).lookupAll(".list-cell").stream()
                .map(node -> (ListCell<ChatLine>) node)
                .filter(cell -> cell.isVisible()
                        && cell.getItem() != null
                        && text.equals(cell.getItem().text()))
                .findFirst()
                .orElse(null));
    }

    /**
     * Opens a message's menu as a user does: the pointer over the row shows its "⋯" button, which is clicked. (A right
     * click opens the same menu, but Monocle's headless robot does not make a right click a pop-up trigger.)
     */
    @SuppressWarnings("unchecked")
    public void openMessageMenu(org.testfx.api.FxRobot robot, String groupName, long seq) {
        robot.moveTo(rowOf(groupName, seq));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // the list may have laid its rows out again meanwhile (a new entry arrived): find the row's button now
        Node[] button = new Node[1];
        try {
            int[] nudge = {1};
            org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                // hover is only worked out again when the pointer moves, as a user's hand does
                robot.moveTo(rowOf(groupName, seq)).moveBy(nudge[0], 0);
                nudge[0] = -nudge[0];
                return Fx.get(() -> {
                    button[0] = rowOf(groupName, seq).lookup(".message-actions");
                    return button[0] != null && button[0].isVisible();
                });
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the row of seq " + seq + " shows no \"⋯\" button under the pointer", e);
        }
        robot.clickOn(button[0]);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row on screen showing the stored entry {@code seq}; fails when it is not on screen. */
    @SuppressWarnings("unchecked")
    public ListCell<ChatLine> rowOf(String groupName, long seq) {
        return Fx.get(() -> messages(groupName).lookupAll(".list-cell").stream()
                .map(node -> (ListCell<ChatLine>) node)
                .filter(c -> c.isVisible() && c.getItem() != null && c.getItem().seq() == seq)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for seq " + seq + " on screen")));
    }

    /** The conversation's line whose current text is {@code text}; fails when there is none. */
    public ChatLine line(String groupName, String text) {
        return lines(groupName).stream()
                .filter(l -> text.equals(l.text()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line \"" + text + "\" in " + messageTexts(groupName)));
    }

    /** Whether the row of {@code text} lies wholly inside the message list's visible area. */
    /** Whether {@code node}, inside a row of the group's conversation, lies wholly in the conversation's view. */
    public boolean wholeInView(String groupName, Node node) {
        return Fx.get(() -> {
            ListView<ChatLine> list = messages(groupName);
            Bounds shown = list.localToScene(list.getLayoutBounds());
            Bounds at = node.localToScene(node.getLayoutBounds());
            return at.getMinY() >= shown.getMinY() - 1 && at.getMaxY() <= shown.getMaxY() + 1;
        });
    }

    public boolean inView(String groupName, String text) {
        ListCell<ChatLine> cell = row(groupName, text);
        return cell != null
                && Fx.get(() -> {
                    ListView<ChatLine> list = messages(groupName);
                    Bounds shown = list.localToScene(list.getLayoutBounds());
                    Bounds at = cell.localToScene(cell.getLayoutBounds());
                    return at.getMinY() >= shown.getMinY() - 1 && at.getMaxY() <= shown.getMaxY() + 1;
                });
    }

    public List<String> messageTexts(String groupName) {
        return lines(groupName).stream().map(ChatLine::text).toList();
    }

    /** The box a message is typed into, for the robot to click. */
    public TextArea sendBox(String groupName) {
        return Fx.get(() -> (TextArea) tab(groupName).getContent().lookup(".text-area"));
    }

    public String connectionText(String groupName) {
        return Fx.get(() -> ((Labeled) tab(groupName).getContent().lookup(".connection-label")).getText());
    }

    /** What the tab's security label says: "secure · fingerprint" or "not encrypted". */
    public String securityText(String groupName) {
        return Fx.get(() -> ((Labeled) tab(groupName).getContent().lookup(".security-label")).getText());
    }

    public boolean lockClosed(String groupName) {
        return Fx.get(() -> ((LockIcon) tab(groupName).getContent().lookup(".lock")).isClosed());
    }

    /** The red line under a tab's toolbar that says why its server refused our handshake; read it in {@link Fx#get}. */
    public Labeled handshakeProblem(String groupName) {
        return Fx.get(() -> (Labeled) tab(groupName).getContent().lookup(".handshake-problem"));
    }

    public String noticeText(String groupName) {
        return Fx.get(() -> ((Labeled) tab(groupName).getContent().lookup(".notice")).getText());
    }

    public String statusText() {
        return Fx.get(() -> ((Labeled) root().lookup(".status-text")).getText());
    }

    /** The registry's lock label in the status bar; read it in {@link Fx#get}. */
    public Labeled registrySecurity() {
        return Fx.get(() -> (Labeled) root().lookup("#registrySecurityLabel"));
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
