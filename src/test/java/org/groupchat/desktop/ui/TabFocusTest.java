package org.groupchat.desktop.ui;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/** A group's tab chosen another way than by clicking it (Ctrl+K, a notification) opens ready to type in it. */
@ExtendWith(ApplicationExtension.class)
class TabFocusTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        GroupServer lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        GroupServer team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        ada = AppUnderTest.openJoined(stage, temp.resolve("ada"), "Ada", registry, lobby, team);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void theChosenTabHasTheCursorInItsSendBox() throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Lobby").isSelected()
                        && ada.sendBox("Lobby").getScene().getFocusOwner() == ada.sendBox("Lobby")));

        Fx.get(() -> {
            ada.tabPane().getSelectionModel().select(ada.tab("Team"));
            return null;
        });

        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.sendBox("Team").getScene().getFocusOwner() == ada.sendBox("Team")));
    }
}
