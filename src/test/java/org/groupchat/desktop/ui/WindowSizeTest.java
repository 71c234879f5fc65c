package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12, item 5: the conversation gets the room; at the window's minimum size the members pane folds away. */
@ExtendWith(ApplicationExtension.class)
class WindowSizeTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest bob;
    private Node members;

    @Start
    void start(Stage stage) throws Exception {
        String registry = servers.registry();
        GroupServer lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        bob = AppUnderTest.openJoined(stage, temp.resolve("bob"), "Bob", registry, lobby);
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        servers.close();
    }

    @Test
    void atTheMinimumTheMembersPaneFoldsAndComesBackWithRoom() throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> bob.tab("Lobby").getContent().lookup(".members-pane") != null));
        members = Fx.get(() -> bob.tab("Lobby").getContent().lookup(".members-pane"));
        waitFor(30, TimeUnit.SECONDS, () -> membersShown() && messagesWidth() > 500);

        resize(640, 420); // the minimum size the app sets
        waitFor(10, TimeUnit.SECONDS, () -> !membersShown());
        assertThat(messagesWidth()).isGreaterThanOrEqualTo(300);

        resize(1400, 800);
        waitFor(10, TimeUnit.SECONDS, this::membersShown);
        await().atMost(10, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(
                                Fx.get(() -> members.getLayoutBounds().getWidth()))
                        .as("the members pane's width in a window %s px wide", Fx.get(() -> bob.stage.getWidth()))
                        .isCloseTo(200, within(5.0)));
    }

    private void resize(double width, double height) {
        Fx.get(() -> {
            bob.stage.setWidth(width);
            bob.stage.setHeight(height);
            return null;
        });
    }

    private boolean membersShown() {
        return Fx.get(() -> members.getScene() != null);
    }

    private double messagesWidth() {
        return Fx.get(() -> bob.messages("Lobby").getWidth());
    }
}
