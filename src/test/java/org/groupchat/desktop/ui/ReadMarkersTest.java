package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
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
 * Issue 13: read markers live on the server, so Ada's laptop and desktop (two copies of the app, one identity) agree
 * on what she has read, a restart keeps it, and the conversation marks where she stopped reading.
 */
@ExtendWith(ApplicationExtension.class)
class ReadMarkersTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private final User adaUser = new User(UUID.randomUUID().toString(), "Ada");
    private String registry;
    private List<JoinedGroup> joined;
    private AppUnderTest laptop;
    private AppUnderTest desktop;
    private Stage desktopStage;
    private GroupClient bob;

    @Start
    void start(Stage stage) {
        registry = servers.registry();
        GroupServer lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        GroupServer team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        bob = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Bob"));
        bob.join();
        joined = List.of(
                new JoinedGroup("Lobby", lobby.advertisedEndpoint()),
                new JoinedGroup("Team", team.advertisedEndpoint()));
        laptop = AppUnderTest.open(stage, temp.resolve("laptop"), "Ada", registry, joined, adaUser);
        desktopStage = new Stage();
        desktop = AppUnderTest.open(desktopStage, temp.resolve("desktop"), "Ada", registry, joined, adaUser);
    }

    @AfterEach
    void stop() throws Exception {
        laptop.quit();
        desktop.quit();
        bob.close();
        servers.close();
    }

    @Test
    void twoCopiesAgreeOnUnreadARestartKeepsItAndANewMessagesLineMarksWhereReadingStopped() throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> laptop.connectionText("Team").equals("connected")
                        && desktop.connectionText("Team").equals("connected"));
        for (int i = 1; i <= 3; i++) {
            bob.send("morning " + i);
        }
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> title(laptop).equals("Team (3)") && title(desktop).equals("Team (3)"));

        select(laptop, "Team");

        waitFor(30, TimeUnit.SECONDS, () -> title(laptop).equals("Team"));
        waitFor(30, TimeUnit.SECONDS, () -> title(desktop).equals("Team"));

        select(laptop, "Lobby");
        bob.send("afternoon 1");
        bob.send("afternoon 2");
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> title(laptop).equals("Team (2)") && title(desktop).equals("Team (2)"));

        desktop.quit();
        desktop = Fx.get(() -> AppUnderTest.reopen(desktopStage, temp.resolve("desktop")));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> desktop.tab("Team") != null && title(desktop).equals("Team (2)"));

        select(desktop, "Team");

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> desktop.row("Team", "afternoon 1") != null
                        && Fx.get(() -> desktop.row("Team", "afternoon 1")
                                .lookup(".new-messages-line")
                                .isVisible()));
        assertThat(Fx.get(() -> desktop.row("Team", "morning 3")
                        .lookup(".new-messages-line")
                        .isVisible()))
                .isFalse();
        waitFor(30, TimeUnit.SECONDS, () -> title(laptop).equals("Team"));
    }

    private static String title(AppUnderTest app) {
        return Fx.get(() -> app.tab("Team").getText());
    }

    private static void select(AppUnderTest app, String group) {
        Fx.get(() -> {
            app.tabPane().getSelectionModel().select(app.tab(group));
            return null;
        });
    }
}
