package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12, items 6 and 10: any script and emoji are drawn as sent, in colour, and text in a message can be copied. */
@ExtendWith(ApplicationExtension.class)
class MessageTextTest {
    private static final String MESSAGE = "Lunch at 12 🍕 café 日本語 שלום עולם 👍🏽 done";

    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest bob;

    @Start
    void start(Stage stage) throws Exception {
        String registry = servers.registry();
        GroupServer lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        try (GroupClient alice = new GroupClient(
                lobby.advertisedEndpoint(), new User("00000000-0000-4000-8000-00000000a11c", "Alice"))) {
            alice.join();
            alice.send(MESSAGE);
        }
        bob = AppUnderTest.openJoined(stage, temp.resolve("bob"), "Bob", registry, lobby);
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        servers.close();
    }

    @Test
    void emojiAreColourImagesInTheirPlaceAndTheRestIsTheTextAsSent(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> flow() != null);

        List<Node> pieces = Fx.get(() -> List.copyOf(flow().getChildren()));
        List<Node> emoji = pieces.stream()
                .filter(node -> node.getStyleClass().contains("emoji"))
                .toList();
        assertThat(emoji).hasSize(2);
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> emoji.get(0).getLayoutBounds().getHeight() > 0
                        && emoji.get(0).lookup(".image-view") != null));
        assertThat(Fx.get(() -> pieces.stream()
                        .map(node -> node instanceof Text text ? text.getText() : node.getAccessibleText())
                        .collect(Collectors.joining())))
                .isEqualTo(MESSAGE);
    }

    @Test
    void aDoubleClickedWordAndADraggedSpanAreCopiedWithCtrlC(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> flow() != null);
        Bounds text = Fx.get(() -> flow().localToScreen(flow().getLayoutBounds()));

        robot.doubleClickOn(new Point2D(text.getMinX() + 8, text.getMinY() + 6), MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        await().atMost(5, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(clipboard()).isEqualTo("Lunch"));

        robot.drag(new Point2D(text.getMinX() + 1, text.getMinY() + 4), MouseButton.PRIMARY)
                .dropTo(new Point2D(text.getMaxX() + 40, text.getMaxY() - 4));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        await().atMost(5, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(clipboard()).isEqualTo(MESSAGE));
    }

    private static String clipboard() {
        return Fx.get(() -> Clipboard.getSystemClipboard().getString());
    }

    private TextFlow flow() {
        return Fx.get(() -> (TextFlow) bob.messages("Lobby").lookup(".message-text-flow"));
    }
}
