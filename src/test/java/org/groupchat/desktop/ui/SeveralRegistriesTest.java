package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.GroupInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 15: the app takes several registries, comma-separated, and goes on with the next when one does not answer;
 * a tab whose group moved says so and goes on at the new address.
 */
@ExtendWith(ApplicationExtension.class)
class SeveralRegistriesTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest bob;
    private String dead;
    private String registry;
    private GroupServer lobby;

    @Start
    void start(Stage stage) throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        registry = servers.registry();
        lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        bob = AppUnderTest.open(
                stage,
                temp.resolve("bob"),
                "Bob",
                dead + "," + registry,
                List.of(new JoinedGroup("Lobby", lobby.advertisedEndpoint())));
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        servers.close();
    }

    @Test
    void aRegistryThatDoesNotAnswerIsPassedForTheNextAndAMovedGroupIsFollowed() throws Exception {
        await().atMost(40, TimeUnit.SECONDS)
                .untilAsserted(
                        () -> assertThat(bob.statusText()).startsWith("Connected to the registry at " + registry));
        assertThat(Fx.get(() -> bob.app.model().groups().shownGroups().stream()
                        .map(GroupInfo::name)
                        .toList()))
                .containsExactly("Lobby");
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> bob.connectionText("Lobby").equals("connected"));

        lobby.close();
        GroupServer moved = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);

        await().atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(bob.noticeText("Lobby"))
                        .isEqualTo(
                                "Lobby moved to " + moved.advertisedEndpoint() + "; the conversation goes on there."));
        await().atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(bob.noticeText("Lobby")).isEmpty());
        assertThat(bob.connectionText("Lobby")).isEqualTo("connected");
    }
}
