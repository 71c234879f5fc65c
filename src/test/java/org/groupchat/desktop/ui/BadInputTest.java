package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BadInputTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        ada = AppUnderTest.open(stage, temp.resolve("ada"), "Ada", servers.registry(), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void registryAddressThatDoesNotParseIsExplainedAndTheDialogStaysOpen(FxRobot robot) {
        robot.clickOn("File").clickOn("Connect to registry…");
        TextField address = Fx.get(() -> robot.lookup("#registryAddress").queryAs(TextField.class));
        robot.interact(address::clear);
        robot.clickOn(address).write("localhost:5555");
        robot.clickOn("OK");

        assertThat(Fx.get(() -> robot.lookup(
                                (Label l) -> l.getText() != null && l.getText().contains("tcp://host:port"))
                        .tryQuery()))
                .isPresent();
        assertThat(Fx.get(() -> robot.lookup("#registryAddress").tryQuery())).isPresent();
        robot.clickOn("Cancel");
    }

    @Test
    void newGroupOnAPortInUseSaysSoInTheStatusBar(FxRobot robot) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            robot.clickOn("File").clickOn("New group…");
            robot.clickOn("#newGroupName").write("Team");
            robot.clickOn("#newGroupPort").write(Integer.toString(taken.getLocalPort()));
            robot.clickOn("OK");

            waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> Fx.get(() -> robot.lookup((Label l) ->
                                    l.getText() != null && l.getText().startsWith("Could not start \"Team\""))
                            .tryQuery()
                            .isPresent()));
        }
        assertThat(Fx.get(() -> List.copyOf(ada.tabPane().getTabs()))).isEmpty();
    }
}
