package org.groupchat.desktop.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.groupchat.security.ServerSecurity;

/**
 * Opens the real app on the current display with two joined groups and a conversation in progress, for
 * README screenshots: {@code screenshot.sh out.png 10 -- java -cp ... ScreenshotScene [light|dark]}. The registry and
 * "Design review" run with security (closed lock, fingerprints); "Lobby" runs without.
 */
public final class ScreenshotScene {
    private ScreenshotScene() {}

    /** {@code args[0]}: "light" (the default), "dark", or "files" (light, with a picture and a file shared last). */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "light";
        boolean files = mode.equals("files");
        String theme = files ? "light" : mode;
        Path temp = Files.createTempDirectory("groupchat-shot");
        TestServers servers = new TestServers();
        CurveKeyPair registryKeys = CurveKeyPair.generate();
        CurveKeyPair designKeys = CurveKeyPair.generate();
        String registry = servers.secureRegistry(registryKeys);
        String registryKey = registryKeys.publicKey();
        GroupServer design = servers.secureGroup(
                "Design review",
                Files.createDirectories(temp.resolve("design")),
                ServerSecurity.withKeys(designKeys),
                registry,
                registryKey);
        GroupServer lobby = group(servers, "Lobby", temp, registry, registryKey);
        // a secure registry lists only groups that run CURVE too (the Lobby here is joined directly)
        for (String listed : List.of("Release planning", "Rust fans")) {
            servers.secureGroup(
                    listed,
                    Files.createDirectories(temp.resolve(listed.replace(' ', '-'))),
                    ServerSecurity.withKeys(CurveKeyPair.generate()),
                    registry,
                    registryKey);
        }

        CurveKeyPair adaKeys = AppUnderTest.profileKeys(temp.resolve("ada"));
        CurveKeyPair graceKeys = CurveKeyPair.generate();
        CurveKeyPair linusKeys = CurveKeyPair.generate();
        User ada = new User(PublicKeys.userIdFor(adaKeys.publicKey()), "Ada");
        User grace = new User(PublicKeys.userIdFor(graceKeys.publicKey()), "Grace");
        User linus = new User(PublicKeys.userIdFor(linusKeys.publicKey()), "Linus");
        String designKey = designKeys.publicKey();
        try (GroupClient g = secure(design, grace, designKey, graceKeys);
                GroupClient l = secure(design, linus, designKey, linusKeys);
                GroupClient a = secure(design, ada, designKey, adaKeys)) {
            g.join();
            l.join();
            a.join();
            Message layout =
                    g.send("Morning! I pushed the new send box layout, can you both have a look before standup?");
            l.send("Looks good. **Enter** sends and *Shift+Enter* makes a new line, like every other chat app.");
            Message separators =
                    a.send("Nice. The day separators help a lot when you scroll back through older history.");
            g.react(separators.seq(), "👍");
            l.react(separators.seq(), "👍");
            g.send("Next I want the members panel to show who is online, with a small green dot next to each name. "
                    + "Long messages like this one should wrap inside the bubble instead of running off the edge.");
            Message typo =
                    l.send("The unread count on the tab title already works. Names in any script: Zoë, 日本語, שלום.");
            l.edit(
                    typo.seq(),
                    "The unread count on the tab title already works. Names in any script too: Zoë, 日本語, שלום.");
            g.send(
                    "@Ada the release notes are at https://example.org/notes, see `ReleaseNotes.md`",
                    layout.seq(),
                    List.of(ada.id()));
            Message lunch = a.send("Great, merging after lunch 🎉", layout.seq(), List.of());
            l.react(lunch.seq(), "🎉");
            if (files) {
                new FileTransfer(g).upload(mockup(temp.resolve("send-box-mockup.png")), FileTransfer.Progress.NONE);
                Path notes = Files.write(temp.resolve("release-notes.pdf"), new byte[184_320]);
                new FileTransfer(l).upload(notes, FileTransfer.Progress.NONE);
            }
        }
        try (GroupClient l = new GroupClient(lobby.advertisedEndpoint(), linus)) {
            l.join();
            l.send("Anyone up for a review of the registry leases?");
            l.send("Ping me when you are back.");
        }
        Platform.startup(() -> {
            Stage stage = new Stage();
            AppUnderTest app = AppUnderTest.open(
                    stage,
                    temp.resolve("ada"),
                    new Settings(
                            registry,
                            Map.of(registry, registryKey),
                            List.of(
                                    new JoinedGroup("Design review", design.advertisedEndpoint(), designKey),
                                    new JoinedGroup("Lobby", lobby.advertisedEndpoint())),
                            true,
                            theme),
                    ada);
            stage.setX(60);
            stage.setY(40);
            stage.setWidth(1100);
            stage.setHeight(720);
            app.app.model().tabs().get(0).draftProperty().set("Sounds good, see you at");
        });
        Thread.sleep(4_000);
        try (GroupClient l = new GroupClient(lobby.advertisedEndpoint(), linus)) {
            l.send("Grace says the new build is on the share.");
        }
    }

    /** A made-up design mockup: a window with a conversation and a send box. */
    private static Path mockup(Path file) throws IOException {
        BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF6F8FA));
        g.fillRect(0, 0, 640, 400);
        g.setColor(new Color(0x0969DA));
        g.fillRect(0, 0, 640, 36);
        g.setColor(new Color(0xDDF4FF));
        g.fillRoundRect(300, 70, 300, 60, 16, 16);
        g.setColor(new Color(0xEAEEF2));
        g.fillRoundRect(40, 150, 340, 80, 16, 16);
        g.setColor(Color.WHITE);
        g.fillRoundRect(40, 320, 470, 50, 10, 10);
        g.setColor(new Color(0x1F883D));
        g.fillRoundRect(525, 320, 75, 50, 10, 10);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static GroupServer group(TestServers servers, String name, Path temp, String registry, String registryKey) {
        return servers.group(name, temp.resolve(name.replace(' ', '-')), TestServers.ANY_PORT, registry, registryKey);
    }

    private static GroupClient secure(GroupServer group, User user, String groupKey, CurveKeyPair own) {
        return new GroupClient(
                null, group.advertisedEndpoint(), user, ClientOptions.DEFAULT, new ClientKeys(groupKey, own));
    }
}
