package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.registry.RegistryAddress;
import org.groupchat.desktop.registry.RegistryProbe;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class FirstStartTest {
    @TempDir
    static Path temp;

    private AppUnderTest app;
    private String registry;

    @Start
    void start(Stage stage) throws IOException {
        registry = "tcp://127.0.0.1:" + freePort();
        app = AppUnderTest.open(stage, temp.resolve("grace"), null, registry, List.of());
    }

    @Test
    void firstStartAsksForANameStartsBundledServersAndListsTheLobby(FxRobot robot) throws Exception {
        robot.clickOn("#displayName").write("Grace");
        robot.clickOn("OK");

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> robot.lookup((TableCell<?, ?> cell) -> "Lobby".equals(cell.getText()))
                        .tryQuery()
                        .isPresent()));
        assertThat(Fx.get(() -> robot.lookup((Label l) -> l.getText() != null
                                && l.getText().contains("started bundled servers")
                                && l.getText().contains("secure"))
                        .tryQuery()
                        .isPresent()))
                .isTrue();
        ProfileStore store =
                new ProfileStore(ProfilePaths.resolve("default", temp.resolve("grace"), Map.of(), "Linux", temp));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> store.identity().map(i -> i.name().equals("Grace")).orElse(false));
        assertThat(Files.exists(temp.resolve("grace/data/groups"))).isTrue();

        CurveKeyPair registryKeys = KeyFiles.load(KeyFiles.secretFile(temp.resolve("grace/data/keys"), "registry"));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ("registry " + registryKeys.fingerprint())
                        .equals(Fx.get(() -> app.registrySecurity().getText())));
        assertThat(store.settings().registryKeys()).containsEntry(registry, registryKeys.publicKey());
        Path userSecret = KeyFiles.secretFile(temp.resolve("grace"), "user");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(userSecret)))
                .isEqualTo("rw-------");
        assertThat(store.identity().orElseThrow().id())
                .isEqualTo(PublicKeys.userIdFor(store.keys().publicKey()));

        robot.clickOn(Fx.get(() -> robot.lookup((TableCell<?, ?> cell) -> "Lobby".equals(cell.getText()))
                .<Node>query()));
        robot.clickOn(Fx.get(
                () -> robot.lookup((Button b) -> "Join".equals(b.getText())).queryButton()));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() ->
                        app.tab("Lobby") != null && app.connectionText("Lobby").equals("connected")));
        assertThat(app.lockClosed("Lobby")).isTrue();

        RegistryAddress withKey = new RegistryAddress(registry, new ClientKeys(registryKeys.publicKey(), store.keys()));
        assertThat(RegistryProbe.of(withKey)).isEqualTo(RegistryProbe.ANSWERS);
        app.quit();
        assertThat(RegistryProbe.of(withKey))
                .as("bundled registry stopped on quit")
                .isEqualTo(RegistryProbe.SILENT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
