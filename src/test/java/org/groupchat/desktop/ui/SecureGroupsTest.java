package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.security.AllowList;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.groupchat.security.ServerSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The app with CURVE on: the lock and fingerprints a user sees, and what it says when keys do not match. */
@ExtendWith(ApplicationExtension.class)
class SecureGroupsTest {
    private static final ClientOptions QUICK =
            ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)).withRetries(2);

    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private final CurveKeyPair registryKeys = CurveKeyPair.generate();
    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private Stage stage;
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (ada != null) {
            ada.quit();
        }
        servers.close();
    }

    private void open(FxRobot robot, Settings settings) {
        robot.interact(() -> ada = AppUnderTest.open(
                stage, temp.resolve("ada"), settings, new User(UUID.randomUUID().toString(), "Ada")));
    }

    @Test
    void aSecureGroupShowsTheLockWithItsKeysFingerprintAndMessagesFlowBothWays(FxRobot robot) throws Exception {
        String registry = servers.secureRegistry(registryKeys);
        GroupServer vault = servers.secureGroup(
                "Vault", dir("vault"), ServerSecurity.withKeys(groupKeys), registry, registryKeys.publicKey());
        open(robot, new Settings(registry, Map.of(registry, registryKeys.publicKey()), List.of(), true));

        waitFor(30, TimeUnit.SECONDS, () -> groupCell(robot, "Vault") != null);
        robot.clickOn(groupCell(robot, "Vault"));
        robot.clickOn(Fx.get(() -> robot.from(ada.root())
                .lookup((Button b) -> "Join".equals(b.getText()))
                .queryButton()));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() ->
                        ada.tab("Vault") != null && ada.connectionText("Vault").equals("connected")));

        assertThat(ada.securityText("Vault")).isEqualTo("secure · " + groupKeys.fingerprint());
        assertThat(ada.lockClosed("Vault")).isTrue();
        assertThat(Fx.get(() -> ada.registrySecurity().getText())).isEqualTo("registry " + registryKeys.fingerprint());
        assertThat(Fx.get(() -> ada.registrySecurity().isVisible())).isTrue();

        CurveKeyPair bobKeys = CurveKeyPair.generate();
        User bob = new User(PublicKeys.userIdFor(bobKeys.publicKey()), "Bob");
        try (GroupClient bobClient = new GroupClient(
                null, vault.advertisedEndpoint(), bob, QUICK, new ClientKeys(groupKeys.publicKey(), bobKeys))) {
            bobClient.join();
            bobClient.send("hello from Bob");
            waitFor(30, TimeUnit.SECONDS, () -> ada.messageTexts("Vault").contains("hello from Bob"));

            robot.clickOn(ada.sendBox("Vault"));
            robot.write("hello from Ada");
            robot.push(KeyCode.ENTER);

            String adaKeyId = PublicKeys.userIdFor(
                    AppUnderTest.profileKeys(temp.resolve("ada")).publicKey());
            waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> bobClient.fetchNewest(10).messages().stream()
                            .anyMatch(m -> m.text().equals("hello from Ada")
                                    && m.sender().id().equals(adaKeyId)));
            assertThat(bobClient.fetchNewest(10).messages())
                    .extracting(Message::text)
                    .containsExactly("hello from Bob", "hello from Ada");
        }
    }

    @Test
    void aGroupThatDoesNotHoldTheTrustedKeyShowsWhyInItsTab(FxRobot robot) throws Exception {
        GroupServer vault = servers.secureGroup("Vault", dir("vault"), ServerSecurity.withKeys(groupKeys), null, null);
        String staleKey = CurveKeyPair.generate().publicKey();
        open(
                robot,
                new Settings(
                        servers.registry(),
                        Map.of(),
                        List.of(new JoinedGroup("Vault", vault.advertisedEndpoint(), staleKey)),
                        true));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Vault") != null
                        && ada.handshakeProblem("Vault").isVisible()));
        assertThat(Fx.get(() -> ada.handshakeProblem("Vault").getText()))
                .contains("refused our secure handshake")
                .contains("fingerprint " + PublicKeys.fingerprint(staleKey));
        assertThat(ada.securityText("Vault")).isEqualTo("secure · " + PublicKeys.fingerprint(staleKey));
        assertThat(ada.connectionText("Vault")).isNotEqualTo("connected");
    }

    @Test
    void aRegistryThatNeedsAKeySaysSoAndTheDialogTrustsTheOnePasted(FxRobot robot) throws Exception {
        String registry = servers.secureRegistry(registryKeys);
        servers.secureGroup(
                "Vault", dir("vault"), ServerSecurity.withKeys(groupKeys), registry, registryKeys.publicKey());
        open(robot, new Settings(registry, List.of()));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.statusText()
                        .contains("refused our handshake: it runs with security (CURVE) and we have no key"));

        String wrongKey = CurveKeyPair.generate().publicKey();
        connectWithKey(robot, wrongKey);
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.statusText()
                        .contains("does not hold the key we expect (fingerprint " + PublicKeys.fingerprint(wrongKey)
                                + ")"));
        assertThat(groupCell(robot, "Vault")).isNull();

        connectWithKey(robot, registryKeys.publicKey());
        waitFor(30, TimeUnit.SECONDS, () -> groupCell(robot, "Vault") != null);
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ("registry " + registryKeys.fingerprint())
                        .equals(Fx.get(() -> ada.registrySecurity().getText())));
        waitFor(30, TimeUnit.SECONDS, () -> ada.statusText().contains("secure, key " + registryKeys.fingerprint()));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> registryKeys
                        .publicKey()
                        .equals(new ProfileStore(
                                        ProfilePaths.resolve("default", temp.resolve("ada"), Map.of(), "Linux", temp))
                                .settings()
                                .registryKeys()
                                .get(registry)));
    }

    @Test
    void aPrivateGroupThatDoesNotListUsShowsItsRefusal(FxRobot robot) throws Exception {
        Path list = Files.writeString(
                temp.resolve("members.allow"), CurveKeyPair.generate().publicKey() + " Bob\n");
        GroupServer club = servers.secureGroup(
                "Club",
                dir("club"),
                ServerSecurity.withKeys(groupKeys).withAllowList(AllowList.load(list)),
                null,
                null);
        String adaFingerprint = AppUnderTest.profileKeys(temp.resolve("ada")).fingerprint();
        open(
                robot,
                new Settings(
                        servers.registry(),
                        Map.of(),
                        List.of(new JoinedGroup("Club", club.advertisedEndpoint(), groupKeys.publicKey())),
                        true));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(
                        () -> ada.tab("Club") != null && ada.noticeText("Club").contains("private group")));
        assertThat(ada.noticeText("Club"))
                .startsWith("The group refused to let you join: \"Club\" is a private group")
                .contains("fingerprint " + adaFingerprint);
        assertThat(Fx.get(() -> robot.from(ada.root())
                        .lookup((Label l) -> l.getText() != null && l.getText().contains("is a private group"))
                        .tryQuery()))
                .isPresent();
    }

    @Test
    void theStatusBarShowsTheRegistryOnceItAnswersAfterNoneDid(FxRobot robot) throws Exception {
        String first = servers.secureRegistry(registryKeys);
        open(robot, new Settings(first, Map.of(first, registryKeys.publicKey()), List.of(), true));
        waitFor(30, TimeUnit.SECONDS, () -> ada.statusText().contains("secure, key " + registryKeys.fingerprint()));

        String later;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            later = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        connect(robot, later, registryKeys.publicKey());
        waitFor(30, TimeUnit.SECONDS, () -> ada.statusText().equals("No registry answers at " + later + "."));

        servers.secureRegistry(later, registryKeys);
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.statusText()
                        .equals("Connected to the registry at " + later + " (secure, key " + registryKeys.fingerprint()
                                + ")."));
        assertThat(Fx.get(() -> ada.registrySecurity().getText())).isEqualTo("registry " + registryKeys.fingerprint());
    }

    private void connectWithKey(FxRobot robot, String key) {
        connect(robot, null, key);
    }

    /** File › Connect to registry… with {@code address} (null: keep the one shown) and {@code key}. */
    private void connect(FxRobot robot, String address, String key) {
        robot.clickOn("File").clickOn("Connect to registry…");
        if (address != null) {
            TextField addressField =
                    Fx.get(() -> robot.lookup("#registryAddress").queryAs(TextField.class));
            robot.interact(addressField::clear);
            robot.clickOn(addressField).write(address);
        }
        TextField keyField = Fx.get(() -> robot.lookup("#registryKey").queryAs(TextField.class));
        robot.interact(keyField::clear);
        robot.clickOn(keyField).write(key);
        robot.clickOn("OK");
    }

    private Path dir(String name) throws Exception {
        return Files.createDirectories(temp.resolve(name));
    }

    private Node groupCell(FxRobot robot, String name) {
        return Fx.get(() -> robot.from(ada.root())
                .lookup((TableCell<?, ?> cell) -> name.equals(cell.getText()))
                .tryQuery()
                .orElse(null));
    }
}
