package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
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
class GroupsPaneTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        servers.group("Rust fans", temp.resolve("rust"), TestServers.ANY_PORT, registry);
        ada = AppUnderTest.open(stage, temp.resolve("ada"), "Ada", registry, List.of());
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void filterNarrowsTheListAndADoubleClickJoins(FxRobot robot) throws Exception {
        TableView<?> table =
                Fx.get(() -> robot.from(ada.root()).lookup(".table-view").queryAs(TableView.class));
        waitFor(30, TimeUnit.SECONDS, () -> Fx.get(() -> table.getItems().size() == 2));

        robot.clickOn(Fx.get(() -> robot.from(ada.root()).lookup(".text-field").queryAs(TextField.class)))
                .write("rust");
        waitFor(30, TimeUnit.SECONDS, () -> Fx.get(() -> table.getItems().size() == 1));

        TableRow<?> row = Fx.get(() -> (TableRow<?>) robot.from(ada.root())
                .lookup((TableCell<?, ?> cell) -> "Rust fans".equals(cell.getText()))
                .query()
                .getParent());
        // a synthetic double-click: real clicks may be split apart by a loaded machine's scheduler
        robot.interact(() -> Event.fireEvent(
                row,
                new MouseEvent(
                        MouseEvent.MOUSE_CLICKED,
                        5,
                        5,
                        5,
                        5,
                        MouseButton.PRIMARY,
                        2,
                        false,
                        false,
                        false,
                        false,
                        true,
                        false,
                        false,
                        true,
                        false,
                        true,
                        null)));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() ->
                        ada.tab("Rust fans") != null && ada.tab("Rust fans").isSelected()));
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Rust fans").equals("connected"));
        assertThat(Fx.get(() -> List.copyOf(ada.tabPane().getTabs()))).hasSize(1);
    }
}
