package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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

/** Issue 13: finding last week's link: Ctrl+F, a word, a click on the hit, and the message in its context. */
@ExtendWith(ApplicationExtension.class)
class SearchTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        GroupServer team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        try (GroupClient bob = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Bob"))) {
            bob.join();
            bob.send("the staging password rotates on Fridays");
            bob.send("the deploy key lives in the vault, see https://wiki.example/vault");
            for (int i = 1; i <= 250; i++) {
                bob.send("filler " + i);
            }
        }
        ada = AppUnderTest.openJoined(stage, temp.resolve("ada"), "Ada", registry, team);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void ctrlFFindsAnOldMessageAndClickingTheHitShowsItInContext(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.inView("Team", "filler 250"));
        assertThat(ada.messageTexts("Team")).doesNotContain("the staging password rotates on Fridays");

        robot.clickOn(ada.sendBox("Team"));
        robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("VAULT");

        ListView<?> hits = Fx.get(() -> robot.from(ada.tab("Team").getContent())
                .lookup(".search-results")
                .queryListView());
        waitFor(30, TimeUnit.SECONDS, () -> Fx.get(() -> hits.getItems().size()) == 1);
        // the list holds the hit before its cell is laid out on the next pulse
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !Fx.get(() -> robot.from(hits).lookup(".marked").queryAll())
                        .isEmpty());

        Node hit = Fx.get(() -> robot.from(hits).lookup(".search-hit").query());
        robot.clickOn(hit);

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.inView("Team", "the deploy key lives in the vault, see https://wiki.example/vault"));
        assertThat(Fx.get(() -> ada.row("Team", "the deploy key lives in the vault, see https://wiki.example/vault")
                        .lookup(".revealed")))
                .isNotNull();
        assertThat(ada.messageTexts("Team")).contains("the staging password rotates on Fridays", "filler 250");

        robot.push(KeyCode.ESCAPE);
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !Fx.get(() -> robot.from(ada.tab("Team").getContent())
                        .lookup(".search-pane")
                        .query()
                        .isVisible()));
    }
}
