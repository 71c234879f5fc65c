package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.SlowRegistry;
import org.groupchat.protocol.GroupInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A registry on this machine that is slow to answer (a busy machine) is still the one the app uses. */
@ExtendWith(ApplicationExtension.class)
class SlowRegistryTest {
    @TempDir
    Path temp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aLocalRegistryThatAnswersAfterASecondIsUsedAndNoBundledServersStart(FxRobot robot) throws Exception {
        // well over the 700 ms the app used to allow before it called a registry silent and started its own
        try (SlowRegistry registry = SlowRegistry.start(
                Duration.ofMillis(1_200), List.of(new GroupInfo("Slowpoke", "tcp://127.0.0.1:1", 0, 0, 0, 0)))) {
            String address = registry.endpoint();
            AtomicReference<AppUnderTest> opened = new AtomicReference<>();
            robot.interact(() -> opened.set(AppUnderTest.open(stage, temp.resolve("ada"), "Ada", address, List.of())));
            AppUnderTest ada = opened.get();
            try {
                waitFor(
                        30,
                        TimeUnit.SECONDS,
                        () -> ada.statusText().equals("Connected to the registry at " + address + "."));
                waitFor(30, TimeUnit.SECONDS, () -> hasGroupCell(robot, ada, "Slowpoke"));

                assertThat(hasGroupCell(robot, ada, "Lobby"))
                        .as("no bundled Lobby")
                        .isFalse();
                assertThat(Files.exists(temp.resolve("ada/data/groups")))
                        .as("no bundled servers' data")
                        .isFalse();
                assertThat(ada.statusText()).isEqualTo("Connected to the registry at " + address + ".");
            } finally {
                ada.quit();
            }
        }
    }

    private static boolean hasGroupCell(FxRobot robot, AppUnderTest ada, String name) {
        return Fx.get(() -> robot.from(ada.root())
                .lookup((TableCell<?, ?> cell) -> name.equals(cell.getText()))
                .tryQuery()
                .isPresent());
    }
}
