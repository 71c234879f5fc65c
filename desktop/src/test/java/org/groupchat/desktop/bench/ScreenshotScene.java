package org.groupchat.desktop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.User;

/**
 * Opens the real app on the current display with two joined groups and a conversation in progress, for
 * README screenshots: {@code screenshot.sh out.png 10 -- java -cp ... ScreenshotScene}.
 */
public final class ScreenshotScene {
    private ScreenshotScene() {}

    public static void main(String[] args) throws Exception {
        Path temp = Files.createTempDirectory("groupchat-shot");
        TestServers servers = new TestServers();
        String registry = servers.registry();
        GroupServer design = servers.group("Design review", temp.resolve("design"), TestServers.ANY_PORT, registry);
        GroupServer lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        servers.group("Release planning", temp.resolve("release"), TestServers.ANY_PORT, registry);
        servers.group("Rust fans", temp.resolve("rust"), TestServers.ANY_PORT, registry);

        User ada = new User(UUID.randomUUID().toString(), "Ada");
        User grace = new User(UUID.randomUUID().toString(), "Grace");
        User linus = new User(UUID.randomUUID().toString(), "Linus");
        try (GroupClient g = new GroupClient(design.advertisedEndpoint(), grace);
                GroupClient l = new GroupClient(design.advertisedEndpoint(), linus);
                GroupClient a = new GroupClient(design.advertisedEndpoint(), ada)) {
            g.join();
            l.join();
            a.join();
            g.send("Morning! I pushed the new send box layout, can you both have a look before standup?");
            l.send("Looks good. Enter sends and Shift+Enter makes a new line, like every other chat app.");
            a.send("Nice. The day separators help a lot when you scroll back through older history.");
            g.send("Next I want the members panel to show who is online, with a small green dot next to each name. "
                    + "Long messages like this one should wrap inside the bubble instead of running off the edge.");
            l.send("+1, and the unread count on the tab title already works.");
            a.send("Great, merging after lunch.");
        }
        try (GroupClient l = new GroupClient(lobby.advertisedEndpoint(), linus)) {
            l.join();
            l.send("Anyone up for a review of the registry leases?");
            l.send("Ping me when you are back.");
        }
        Platform.startup(() -> {
            Stage stage = new Stage();
            AppUnderTest app = AppUnderTest.open(stage, temp.resolve("ada"), "Ada", registry, List.of(
                    new JoinedGroup("Design review", design.advertisedEndpoint()),
                    new JoinedGroup("Lobby", lobby.advertisedEndpoint())), ada);
            stage.setX(60);
            stage.setY(40);
            app.app.model().tabs().get(0).draftProperty().set("Sounds good, see you at");
        });
        Thread.sleep(4_000);
        try (GroupClient l = new GroupClient(lobby.advertisedEndpoint(), linus)) {
            l.send("Grace says the new build is on the share.");
        }
    }
}
