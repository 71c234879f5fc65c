package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 12, item 3: a group made with File › New group… comes back, with its history, when the app starts again. */
@ExtendWith(ApplicationExtension.class)
class HostedGroupRestartTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private Stage stage;
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ada = AppUnderTest.open(stage, temp.resolve("ada"), "Ada", servers.registry(), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void aGroupYouHostComesBackWithItsHistoryAfterARestart(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("New group…");
        robot.clickOn("#newGroupName").write("Team");
        robot.clickOn("OK");
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.tab("Team") != null && ada.connectionText("Team").equals("connected"));
        robot.clickOn(ada.sendBox("Team")).write("said before the restart").type(KeyCode.ENTER);
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.lines("Team").stream()
                        .anyMatch(line -> line.text().equals("said before the restart") && line.seq() > 0));

        ada.quit();
        ada = Fx.get(() -> AppUnderTest.reopen(stage, temp.resolve("ada")));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.tab("Team") != null && ada.connectionText("Team").equals("connected"));
        waitFor(30, TimeUnit.SECONDS, () -> ada.messageTexts("Team").contains("said before the restart"));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.app.model().groups().find("Team")) != null);
        assertThat(ada.statusText()).doesNotContain("Could not host");
    }
}
