package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.chat.SendState;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 13: fixing a typo with Up-arrow, taking a message back, and reacting, as Ada does it and as Bob's log shows it. */
@ExtendWith(ApplicationExtension.class)
class EditDeleteReactTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;
    private GroupClient bob;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        GroupServer team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        bob = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Bob"));
        bob.join();
        ada = AppUnderTest.openJoined(stage, temp.resolve("ada"), "Ada", registry, team);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        bob.close();
        servers.close();
    }

    @Test
    void upArrowInTheEmptyBoxEditsTheLastMessageAndEscCancels(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Team").equals("connected"));
        robot.clickOn(ada.sendBox("Team"));
        robot.write("see you at 10");
        robot.push(KeyCode.ENTER);
        waitFor(30, TimeUnit.SECONDS, () -> ada.line("Team", "see you at 10").state() == SendState.SENT);

        robot.push(KeyCode.UP);
        assertThat(Fx.get(() -> ada.sendBox("Team").getText())).isEqualTo("see you at 10");
        robot.push(KeyCode.ESCAPE);
        assertThat(Fx.get(() -> ada.sendBox("Team").getText())).isEmpty();

        robot.push(KeyCode.UP);
        robot.push(KeyCode.BACK_SPACE);
        robot.push(KeyCode.BACK_SPACE);
        robot.write("11");
        robot.push(KeyCode.ENTER);

        waitFor(30, TimeUnit.SECONDS, () -> ada.messageTexts("Team").contains("see you at 11"));
        assertThat(ada.messageTexts("Team")).doesNotContain("see you at 10");
        assertThat(ada.line("Team", "see you at 11").folded().edited()).isTrue();
        assertThat(Fx.get(() ->
                        ada.row("Team", "see you at 11").lookup(".edited-mark").isVisible()))
                .isTrue();
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> bob.fetchNewest(5).messages().stream()
                        .anyMatch(
                                m -> m.eventKind() == EventKind.EDIT && m.text().equals("see you at 11")));
    }

    @Test
    void deletingFromTheMenuLeavesMessageDeletedForEveryone(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Team").equals("connected"));
        robot.clickOn(ada.sendBox("Team"));
        robot.write("my password is hunter2");
        robot.push(KeyCode.ENTER);
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.line("Team", "my password is hunter2").state() == SendState.SENT);
        long seq = ada.line("Team", "my password is hunter2").seq();

        ada.openMessageMenu(robot, "Team", seq);
        robot.clickOn("Delete…");
        robot.clickOn("Delete");

        waitFor(30, TimeUnit.SECONDS, () -> ada.lines("Team").stream().anyMatch(l -> l.seq() == seq && l.gone()));
        assertThat(Fx.get(() -> ((Labeled) ada.rowOf("Team", seq).lookup(".gone-text")).getText()))
                .isEqualTo("Message deleted");
        assertThat(bob.fetchNewest(5).messages())
                .anyMatch(m ->
                        m.eventKind() == EventKind.DELETE && Long.valueOf(seq).equals(m.target()));
    }

    @Test
    void aReactionShowsItsCountAndClickingItTakesItBack(FxRobot robot) throws Exception {
        Message lunch = bob.send("lunch at noon?");
        waitFor(30, TimeUnit.SECONDS, () -> ada.inView("Team", "lunch at noon?"));

        ada.openMessageMenu(robot, "Team", lunch.seq());
        robot.clickOn("React");
        robot.clickOn("Like");

        waitFor(30, TimeUnit.SECONDS, () -> reactionChipText(robot).equals("👍 1"));
        assertThat(ada.line("Team", "lunch at noon?").folded().reactions())
                .singleElement()
                .satisfies(r -> assertThat(r.by(ada.identity.id())).isTrue());
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> bob.fetchNewest(5).messages().stream()
                        .anyMatch(m -> m.eventKind() == EventKind.REACTION
                                && "👍".equals(m.emoji())
                                && Long.valueOf(lunch.seq()).equals(m.target())));

        robot.clickOn(Fx.get(() -> ada.row("Team", "lunch at noon?").lookup(".reaction")));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.line("Team", "lunch at noon?").folded().reactions().isEmpty());
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> bob.fetchNewest(5).messages().stream()
                        .anyMatch(m -> m.eventKind() == EventKind.UNREACTION
                                && Long.valueOf(lunch.seq()).equals(m.target())));
    }

    private String reactionChipText(FxRobot robot) {
        return Fx.get(() -> {
            var row = ada.row("Team", "lunch at noon?");
            var chip = row == null ? null : row.lookup(".reaction");
            return chip == null ? "" : chip.getAccessibleText();
        });
    }
}
