package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.chat.ChatLine;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 13: answering one message, and finding the message an answer quotes even when it is far back in history. */
@ExtendWith(ApplicationExtension.class)
class RepliesTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private GroupServer team;
    private AppUnderTest ada;
    private GroupClient bob;

    @Start
    void start(Stage stage) {
        String registry = servers.registry();
        team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        bob = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Bob"));
        bob.join();
        Message question = bob.send("Where is the release checklist?");
        for (int i = 1; i <= 250; i++) {
            bob.send("filler " + i);
        }
        bob.send("Found it myself: in the wiki", question.seq(), List.of());
        ada = AppUnderTest.openJoined(stage, temp.resolve("ada"), "Ada", registry, team);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        bob.close();
        servers.close();
    }

    @Test
    void clickingAQuoteBringsTheOriginalIntoViewLoadingOlderHistory(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.inView("Team", "Found it myself: in the wiki"));
        assertThat(ada.messageTexts("Team")).doesNotContain("Where is the release checklist?");
        Node quote =
                Fx.get(() -> ada.row("Team", "Found it myself: in the wiki").lookup(".quote"));
        // the original is not loaded: the quote fetches it on its own
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> robot.from(quote)
                                .lookup(".quote-text")
                                .queryLabeled()
                                .getText())
                        .equals("Where is the release checklist?"));
        assertThat(Fx.get(() ->
                        robot.from(quote).lookup(".quote-author").queryLabeled().getText()))
                .isEqualTo("Bob");
        assertThat(ada.messageTexts("Team")).doesNotContain("Where is the release checklist?");

        robot.clickOn(quote);

        waitFor(30, TimeUnit.SECONDS, () -> ada.inView("Team", "Where is the release checklist?"));
        assertThat(Fx.get(
                        () -> ada.row("Team", "Where is the release checklist?").lookup(".revealed")))
                .isNotNull();
        assertThat(ada.line("Team", "Found it myself: in the wiki").folded().quote())
                .isEqualTo(new ChatLine.Quote(
                        ada.line("Team", "Where is the release checklist?").seq(),
                        "Bob",
                        "Where is the release checklist?",
                        false));
    }

    @Test
    void replyingFromTheMessageMenuQuotesTheMessageForEveryone(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.inView("Team", "filler 250"));

        ada.openMessageMenu(robot, "Team", ada.line("Team", "filler 250").seq());
        robot.clickOn("Reply");
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> robot.lookup(".composer-bar").query().isVisible()));
        robot.write("Thanks, Bob");
        robot.push(KeyCode.ENTER);

        long answered = ada.line("Team", "filler 250").seq();
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> bob.fetchNewest(5).messages().stream()
                        .anyMatch(m -> m.text().equals("Thanks, Bob")
                                && Long.valueOf(answered).equals(m.replyTo())));
        waitFor(30, TimeUnit.SECONDS, () -> {
            ChatLine.Quote quote = ada.line("Team", "Thanks, Bob").folded().quote();
            return quote != null && "filler 250".equals(quote.firstLine()) && "Bob".equals(quote.author());
        });
        assertThat(Fx.get(() -> robot.lookup(".composer-bar").query().isVisible()))
                .isFalse();
    }
}
