package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, item 7: messages in groups out of view are told without getting in the way: one pop-up per group with
 * the rest counted into a summary, never more than three at once, inside the window's width, never over the send box.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationsTest {
    private static final List<String> QUIET_GROUPS = List.of("Second", "Third", "Fourth", "Fifth");
    private static final int MESSAGES_EACH = 12;

    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private final List<GroupServer> groups = new ArrayList<>();
    private final Map<PopupWindow, PopUp> placed = new ConcurrentHashMap<>();
    private final List<PopUp> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> showingAtOnce = new CopyOnWriteArrayList<>();
    private AppUnderTest bob;

    /** One in-window pop-up as it was shown: its words, its place, and the send box's place at that moment. */
    private record PopUp(String words, Bounds bounds, Bounds window, Bounds sendBox) {}

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("groupchat.inWindowNotifications", "true");
        String registry = servers.registry();
        List<JoinedGroup> joined = new ArrayList<>();
        for (String name : concat("Lobby", QUIET_GROUPS)) {
            GroupServer group = servers.group(name, temp.resolve(name), TestServers.ANY_PORT, registry);
            groups.add(group);
            joined.add(new JoinedGroup(name, group.advertisedEndpoint()));
        }
        bob = AppUnderTest.open(stage, temp.resolve("bob"), "Bob", registry, joined);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream()
                        .filter(w -> w instanceof PopupWindow)
                        .forEach(popup -> popup.setOnShown(event -> shown((PopupWindow) popup)));
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        servers.close();
        System.clearProperty("groupchat.inWindowNotifications");
    }

    @Test
    void burstsInFourGroupsGiveAtMostThreePopUpsAtOnceAndASummaryForEach() throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> QUIET_GROUPS.stream().allMatch(g -> bob.connectionText(g).equals("connected")));
        Fx.get(() -> {
            bob.tabPane().getSelectionModel().select(bob.tab("Lobby"));
            return null;
        });

        for (int g = 1; g < groups.size(); g++) {
            try (GroupClient alice = new GroupClient(
                    groups.get(g).advertisedEndpoint(), new User("00000000-0000-4000-8000-00000000a11c", "Alice"))) {
                alice.join();
                for (int i = 1; i <= MESSAGES_EACH; i++) {
                    alice.send("news " + i + " in " + QUIET_GROUPS.get(g - 1)
                            + " with a preview long enough to be cut short before it runs off the window's edge");
                }
            }
        }

        // every group is told of all its messages: its first in full, or all of them counted in its summary
        await().atMost(40, TimeUnit.SECONDS)
                .untilAsserted(() ->
                        assertThat(QUIET_GROUPS).as("pop-ups seen: %s", seen).allMatch(this::allToldFor));
        assertThat(showingAtOnce).allMatch(n -> n <= 3);
        assertThat(placed.values()).hasSameSizeAs(seen).allSatisfy(popUp -> {
            assertThat(popUp.bounds().getMinX())
                    .isGreaterThanOrEqualTo(popUp.window().getMinX());
            assertThat(popUp.bounds().getMaxX())
                    .isLessThanOrEqualTo(popUp.window().getMaxX());
            assertThat(popUp.bounds().intersects(popUp.sendBox()))
                    .as("over the send box: " + popUp)
                    .isFalse();
        });
        assertThat(Fx.get(() -> bob.stage.getTitle())).startsWith("(" + QUIET_GROUPS.size() * MESSAGES_EACH + ") ");
    }

    private boolean allToldFor(String group) {
        boolean firstInFull = seen.stream().anyMatch(p -> p.words().contains("Alice in " + group));
        String summary = firstInFull ? (MESSAGES_EACH - 1) + " more new messages" : MESSAGES_EACH + " new messages";
        return seen.stream()
                .anyMatch(p -> p.words().contains(group) && p.words().contains(summary));
    }

    private void shown(PopupWindow popup) {
        String words = labels(popup.getScene().getRoot()).stream()
                .map(Labeled::getText)
                .collect(Collectors.joining(" | "));
        if (words.isBlank()) {
            return;
        }
        seen.add(place(popup, words));
        // the pop-up is moved into its place after it is shown: its final place is the one that counts
        popup.xProperty().addListener((obs, was, now) -> placed.put(popup, place(popup, words)));
        popup.yProperty().addListener((obs, was, now) -> placed.put(popup, place(popup, words)));
        popup.widthProperty().addListener((obs, was, now) -> placed.put(popup, place(popup, words)));
        placed.put(popup, place(popup, words));
        showingAtOnce.add((int) Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow
                        && w.isShowing()
                        && w.getScene().getRoot().lookup(".message-notice") != null)
                .count());
    }

    private PopUp place(PopupWindow popup, String words) {
        Window window = bob.stage;
        Node root = popup.getScene().getRoot();
        return new PopUp(
                words,
                root.localToScreen(root.getBoundsInLocal()),
                new BoundingBox(window.getX(), window.getY(), window.getWidth(), window.getHeight()),
                bob.sendBox("Lobby").localToScreen(bob.sendBox("Lobby").getLayoutBounds()));
    }

    private static List<Labeled> labels(Node node) {
        List<Labeled> found = new ArrayList<>();
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isBlank()) {
            found.add(labeled);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> found.addAll(labels(child)));
        }
        return found;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
