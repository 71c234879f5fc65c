package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
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

/** Issue 13: Ada owns a secure group; she removes Bob's spam and bans him, and Bob's own window shows both. */
@ExtendWith(ApplicationExtension.class)
class ModerationTest {
    private static final String SPAM = "cheap watches at spam.example";

    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private AppUnderTest ada;
    private AppUnderTest bob;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        String adaId = PublicKeys.userIdFor(
                AppUnderTest.profileKeys(temp.resolve("ada")).publicKey());
        GroupServer vault =
                servers.ownedGroup("Vault", temp.resolve("vault"), ServerSecurity.withKeys(groupKeys), Set.of(adaId));
        List<JoinedGroup> joined = List.of(new JoinedGroup("Vault", vault.advertisedEndpoint(), groupKeys.publicKey()));
        ada = AppUnderTest.open(stage, temp.resolve("ada"), "Ada", registry, joined);
        bob = AppUnderTest.open(new Stage(), temp.resolve("bob"), "Bob", registry, joined);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        bob.quit();
        servers.close();
    }

    @Test
    void theOwnerRemovesAMessageAndBansItsAuthorAndTheAuthorSeesBoth(FxRobot robot) throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.connectionText("Vault").equals("connected")
                        && bob.connectionText("Vault").equals("connected"));
        // side by side, as two people's screens: the robot clicks whichever window is on top at a point
        Fx.get(() -> {
            ada.stage.setX(0);
            bob.stage.setX(1200);
            return null;
        });
        robot.clickOn(bob.sendBox("Vault"));
        robot.write(SPAM);
        robot.push(KeyCode.ENTER);
        waitFor(30, TimeUnit.SECONDS, () -> ada.inView("Vault", SPAM));
        long seq = ada.line("Vault", SPAM).seq();

        ada.openMessageMenu(robot, "Vault", seq);
        robot.clickOn("Remove message…");
        robot.clickOn("Remove");

        waitFor(30, TimeUnit.SECONDS, () -> bob.lines("Vault").stream().anyMatch(l -> l.seq() == seq && l.gone()));
        assertThat(bob.messageTexts("Vault")).doesNotContain(SPAM);
        assertThat(Fx.get(() -> ((Labeled) bob.rowOf("Vault", seq).lookup(".gone-text")).getText()))
                .isEqualTo("Message removed by an owner");

        ada.openMessageMenu(robot, "Vault", seq);
        robot.clickOn("Ban Bob…");
        robot.clickOn("Ban");

        // whichever Bob's app hears first: the ban in the log, or the refusal of its waiting FETCH
        waitFor(30, TimeUnit.SECONDS, () -> Fx.get(() -> bob.tab("Vault")) == null);
        assertThat(bob.statusText()).isIn("Ada banned you from Vault.", "You are banned from \"Vault\" by an owner.");
        waitFor(30, TimeUnit.SECONDS, () -> ada.messageTexts("Vault").stream().anyMatch(t -> t.contains("banned")));
    }
}
