package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.chat.ChatLine;
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

/** Issue 12, items 1 and 2: a conversation opens at its latest message and follows new ones like a chat window. */
@ExtendWith(ApplicationExtension.class)
class FollowNewMessagesTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest bob;
    private GroupServer lobby;

    @Start
    void start(Stage stage) throws Exception {
        String registry = servers.registry();
        lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        try (GroupClient alice = alice()) {
            alice.join();
            for (int i = 1; i <= 230; i++) {
                alice.send("message " + i
                        + (i % 7 == 0
                                ? " that is long enough to wrap over more than one line in"
                                        + " a window of this size, as people's messages often do"
                                : ""));
            }
        }
        bob = AppUnderTest.openJoined(stage, temp.resolve("bob"), "Bob", registry, lobby);
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        servers.close();
    }

    @Test
    void theTabOpensAtTheLatestAndNewMessagesScrollIntoViewWhileTheUserIsThere(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> bob.messageTexts("Lobby").contains("message 230"));
        waitFor(10, TimeUnit.SECONDS, () -> lastShownText().equals("message 230"));

        try (GroupClient alice = alice()) {
            alice.send("message 231");
            waitFor(30, TimeUnit.SECONDS, () -> bob.messageTexts("Lobby").contains("message 231"));
            waitFor(10, TimeUnit.SECONDS, () -> lastShownText().equals("message 231"));
            assertThat(Fx.get(() -> bob.tab("Lobby").getText())).isEqualTo("Lobby");
        }
    }

    @Test
    void scrolledUpTheViewStaysAndAButtonCountsNewMessagesAndJumpsToThem(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> bob.messageTexts("Lobby").contains("message 230"));
        waitFor(10, TimeUnit.SECONDS, () -> lastShownText().equals("message 230"));
        robot.clickOn(bob.messages("Lobby")).type(KeyCode.PAGE_UP, 3);
        waitFor(10, TimeUnit.SECONDS, () -> !lastShownText().equals("message 230"));
        String readingAt = firstShownText();

        try (GroupClient alice = alice()) {
            alice.send("message 231");
            alice.send("message 232");
        }

        waitFor(30, TimeUnit.SECONDS, () -> bob.messageTexts("Lobby").contains("message 232"));
        waitFor(10, TimeUnit.SECONDS, () -> Fx.get(() -> jumpButton().isVisible()));
        assertThat(Fx.get(() -> jumpButton().getText())).isEqualTo("2 new messages ↓");
        assertThat(firstShownText()).isEqualTo(readingAt);
        assertThat(Fx.get(() -> bob.tab("Lobby").getText())).isEqualTo("Lobby (2)");

        robot.clickOn(jumpButton(), MouseButton.PRIMARY);

        waitFor(10, TimeUnit.SECONDS, () -> lastShownText().equals("message 232"));
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> bob.tab("Lobby").getText()).equals("Lobby"));
        assertThat(Fx.get(() -> jumpButton().isVisible())).isFalse();
    }

    private GroupClient alice() {
        return new GroupClient(lobby.advertisedEndpoint(), new User("00000000-0000-4000-8000-00000000a11c", "Alice"));
    }

    private Button jumpButton() {
        return Fx.get(() -> (Button) bob.tab("Lobby").getContent().lookup(".jump-to-latest"));
    }

    /** The text of the last row wholly inside the list's viewport: what the user sees at the bottom. */
    private String lastShownText() {
        return Fx.get(() -> {
            VirtualFlow<?> flow = flow();
            for (int i = flow.getCellCount() - 1; i >= 0; i--) {
                IndexedCell<?> cell = flow.getVisibleCell(i);
                if (cell != null
                        && cell.isVisible()
                        && cell.getBoundsInParent().getMaxY() <= flow.getHeight() + 1
                        && cell.getBoundsInParent().getMinY() >= 0) {
                    return ((ChatLine) cell.getItem()).text();
                }
            }
            return "";
        });
    }

    private String firstShownText() {
        return Fx.get(() -> {
            IndexedCell<?> cell = flow().getFirstVisibleCell();
            return cell == null || cell.getItem() == null ? "" : ((ChatLine) cell.getItem()).text();
        });
    }

    private VirtualFlow<?> flow() {
        ListView<ChatLine> list = bob.messages("Lobby");
        return (VirtualFlow<?>) list.lookup(".virtual-flow");
    }
}
