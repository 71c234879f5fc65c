package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.desktop.chat.SendState;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ClickToJoinTest {
    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;
    private AppUnderTest bob;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        GroupServer alpha = servers.group("Alpha", temp.resolve("alpha"), TestServers.ANY_PORT, registry);
        servers.group("Beta", temp.resolve("beta"), TestServers.ANY_PORT, registry);
        stage.setX(0);
        stage.setY(0);
        ada = AppUnderTest.open(stage, temp.resolve("ada"), "Ada", registry, List.of());
        Stage second = new Stage();
        second.setX(1200);
        second.setY(0);
        bob = AppUnderTest.open(
                second,
                temp.resolve("bob"),
                "Bob",
                registry,
                List.of(new JoinedGroup("Alpha", alpha.advertisedEndpoint())));
        stage.toFront();
        stage.requestFocus();
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        bob.quit();
        servers.close();
    }

    @Test
    void clickToJoinOpensATabAndEnterDeliversToTheOtherClient(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> groupCell(robot, ada, "Alpha") != null);
        // a refresh that changes the row (Bob coming online) between the two clicks would drop the selection
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> robot.from(ada.root())
                        .lookup((TableCell<?, ?> cell) -> cell.getTableRow() != null
                                && cell.getTableRow().getItem() instanceof GroupInfo g
                                && g.name().equals("Alpha")
                                && g.online() == 1
                                && "1".equals(cell.getText())
                                && cell.getTableColumn().getText().equals("Online"))
                        .tryQuery()
                        .isPresent()));
        // select, then Join: a double-click's two clicks can count as two single clicks on a loaded 2-core CI box
        robot.clickOn(groupCell(robot, ada, "Alpha"));
        robot.clickOn(Fx.get(() -> robot.from(ada.root())
                .lookup(".button")
                .match(n -> "Join".equals(((Button) n).getText()))
                .queryButton()));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Alpha") != null && ada.tab("Alpha").isSelected()));
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Alpha").equals("connected"));
        waitFor(30, TimeUnit.SECONDS, () -> bob.connectionText("Alpha").equals("connected"));

        robot.clickOn(ada.sendBox("Alpha"));
        robot.write("hello from Ada");
        robot.push(KeyCode.ENTER);

        waitFor(30, TimeUnit.SECONDS, () -> bob.messageTexts("Alpha").contains("hello from Ada"));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.lines("Alpha").stream()
                        .anyMatch(l -> l.text().equals("hello from Ada") && l.state() == SendState.SENT));
        assertThat(bob.messageTexts("Alpha")).containsOnlyOnce("hello from Ada");
        assertThat(Fx.get(() -> robot.from(bob.root()).lookup("hello from Ada").tryQuery()))
                .isPresent();
        assertThat(Fx.get(() -> ada.sendBox("Alpha").getText())).isEmpty();
    }

    private static Node groupCell(FxRobot robot, AppUnderTest app, String name) {
        return Fx.get(() -> robot.from(app.root())
                .lookup((TableCell<?, ?> cell) -> name.equals(cell.getText()))
                .tryQuery()
                .orElse(null));
    }
}
