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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class UnreadCountTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;
    private GroupServer beta;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        GroupServer alpha = servers.group("Alpha", temp.resolve("alpha"), TestServers.ANY_PORT, registry);
        beta = servers.group("Beta", temp.resolve("beta"), TestServers.ANY_PORT, registry);
        ada = AppUnderTest.open(
                stage,
                temp.resolve("ada"),
                "Ada",
                registry,
                List.of(
                        new JoinedGroup("Alpha", alpha.advertisedEndpoint()),
                        new JoinedGroup("Beta", beta.advertisedEndpoint())));
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void unreadCountShowsOnABackgroundTabAndClearsWhenSelected(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> Fx.get(() -> ada.tab("Alpha").isSelected()));
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Beta").equals("connected"));

        try (GroupClient dave = new GroupClient(
                beta.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Dave"))) {
            dave.join();
            dave.send("first while you look elsewhere");
            dave.send("second while you look elsewhere");
        }

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Beta").getText()).equals("Beta (2)"));
        assertThat(Fx.get(() -> ada.tab("Alpha").getText())).isEqualTo("Alpha");

        robot.clickOn("Beta (2)");

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Beta").getText()).equals("Beta"));
        assertThat(ada.messageTexts("Beta"))
                .containsExactly("first while you look elsewhere", "second while you look elsewhere");
    }
}
