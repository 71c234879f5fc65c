package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.chat.SendState;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReconnectTest {
    private static final String TEXT = "sent while the server was down";

    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;
    private GroupServer gamma;
    private String registry;

    @Start
    void start(Stage stage) {
        registry = servers.registry();
        gamma = servers.group("Gamma", temp.resolve("gamma"), TestServers.ANY_PORT, null);
        ada = AppUnderTest.open(
                stage,
                temp.resolve("ada"),
                "Ada",
                registry,
                List.of(new JoinedGroup("Gamma", gamma.advertisedEndpoint())));
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void restartedServerReconnectsAndAMessageSentMeanwhileArrivesOnce(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Gamma").equals("connected"));
        String endpoint = gamma.advertisedEndpoint();

        gamma.close();
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Gamma").equals("reconnecting…"));

        robot.clickOn(ada.sendBox("Gamma"));
        robot.write(TEXT);
        robot.push(KeyCode.ENTER);
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() ->
                        robot.from(ada.root()).lookup("Sending…").tryQuery().isPresent()));

        servers.group("Gamma", temp.resolve("gamma"), endpoint, null);

        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Gamma").equals("connected"));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.lines("Gamma").stream().anyMatch(l -> l.text().equals(TEXT) && l.state() == SendState.SENT));
        assertThat(ada.messageTexts("Gamma")).containsOnlyOnce(TEXT);

        try (GroupClient eve =
                new GroupClient(endpoint, new User(UUID.randomUUID().toString(), "Eve"))) {
            eve.join();
            List<Message> stored = eve.fetchNewest(100).messages();
            assertThat(stored).extracting(Message::text).containsOnlyOnce(TEXT);
        }
    }
}
