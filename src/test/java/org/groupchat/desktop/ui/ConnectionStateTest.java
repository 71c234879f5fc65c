package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, item 9: one truth about the connection, shown the same everywhere. Alice hosted the registry and the
 * group and quits: Bob's app takes over (bundled servers at the same address), his status bar and groups pane never
 * contradict each other on the way, and Alice is no longer shown online.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionStateTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private final List<String> contradictions = new CopyOnWriteArrayList<>();
    private AppUnderTest bob;
    private GroupServer lobby;

    @Start
    void start(Stage stage) throws Exception {
        String registry = servers.registry();
        lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        bob = AppUnderTest.openJoined(stage, temp.resolve("bob"), "Bob", registry, lobby);
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        servers.close();
    }

    @Test
    void whenAlicesServersGoBobTakesOverWithNoContradictionAndAliceIsNoLongerShownOnline() throws Exception {
        try (GroupClient alice = new GroupClient(
                lobby.advertisedEndpoint(), new User("00000000-0000-4000-8000-00000000a11c", "Alice"))) {
            alice.join();
            waitFor(30, TimeUnit.SECONDS, () -> onlineNames().contains("Alice"));
        }
        waitFor(30, TimeUnit.SECONDS, () -> bob.statusText().startsWith("Connected to the registry"));
        String registry = Fx.get(() -> bob.app.model().registry().address());
        Fx.get(() -> {
            Labeled bar = (Labeled) bob.root().lookup(".status-text");
            Labeled pane = (Labeled) bob.root().lookup(".groups-pane .muted");
            // judged after each change is handled, not in the middle of one
            bar.textProperty().addListener((obs, was, now) -> Platform.runLater(() -> judge(bar, pane)));
            pane.textProperty().addListener((obs, was, now) -> Platform.runLater(() -> judge(bar, pane)));
            return null;
        });

        servers.close();

        // Bob's app takes over: bundled servers on the registry's address, and the tab follows the new Lobby
        await().atMost(40, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(bob.statusText())
                        .as("tab %s, members online %s", bob.connectionText("Lobby"), onlineNames())
                        .startsWith("No registry answered at " + registry + ", so this app started bundled servers"));
        await().atMost(40, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(onlineNames())
                        .as("tab %s", bob.connectionText("Lobby"))
                        .doesNotContain("Alice"));
        assertThat(contradictions).isEmpty();
    }

    private void judge(Labeled bar, Labeled pane) {
        boolean barSaysConnected = bar.getText().startsWith("Connected to the registry");
        boolean paneSaysNone = pane.getText().startsWith("No registry answers");
        if (barSaysConnected && paneSaysNone) {
            contradictions.add("status bar \"" + bar.getText() + "\" beside groups pane \"" + pane.getText() + "\"");
        }
    }

    private List<String> onlineNames() {
        return Fx.get(() -> bob.tab("Lobby").getContent().lookup(".member-list") instanceof ListView<?> list
                ? list.getItems().stream()
                        .map(Member.class::cast)
                        .filter(Member::online)
                        .map(Member::name)
                        .toList()
                : List.of());
    }
}
