package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12, item 4, as the README has it: a second identity ({@code --profile bob}) on the same computer reaches the
 * secure servers the first window started, with no key to copy, and carries them on when the first window quits.
 */
@ExtendWith(ApplicationExtension.class)
class SecondProfileTest {
    @TempDir
    static Path base;

    private AppUnderTest alice;
    private AppUnderTest bob;
    private String registry;

    @Start
    void start(Stage stage) throws Exception {
        String registry;
        try (ServerSocket free = new ServerSocket(0)) {
            registry = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        this.registry = registry;
        alice = AppUnderTest.openProfile(stage, base, "default", "Alice", registry);
    }

    @AfterEach
    void stop() throws Exception {
        if (bob != null) {
            bob.quit();
        }
    }

    @Test
    void aSecondProfileSeesTheGroupsWithoutAKeyStepAndCarriesOnWhenTheFirstQuits() throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> alice.app.model().groups().find("Lobby")) != null);
        bob = Fx.get(() -> AppUnderTest.openProfile(new Stage(), base, "bob", "Bob", registry));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> bob.app.model().groups().find("Lobby")) != null);
        assertThat(bob.statusText()).contains("another GroupChat window started on this computer");
        assertThat(Fx.get(() -> bob.registrySecurity().getText())).startsWith("registry ");
        // its window opens beside the first one, not on top of it
        assertThat(Fx.get(() -> bob.stage.getX() - alice.stage.getX())).isEqualTo(48.0);
        assertThat(Fx.get(() -> bob.stage.getY() - alice.stage.getY())).isEqualTo(48.0);

        alice.quit();

        waitFor(30, TimeUnit.SECONDS, () -> bob.statusText().contains("this app started bundled servers"));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> bob.app.model().groups().find("Lobby")) != null);
    }
}
