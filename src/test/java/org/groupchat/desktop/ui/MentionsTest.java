package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PopupControl;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 13: being called by name gets through a muted group; typing @ offers the group's members. */
@ExtendWith(ApplicationExtension.class)
class MentionsTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private final List<String> popUps = new CopyOnWriteArrayList<>();
    private AppUnderTest ada;
    private GroupClient bob;

    @Start
    void start(Stage stage) {
        System.setProperty("groupchat.inWindowNotifications", "true");
        String registry = servers.registry();
        GroupServer lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        GroupServer team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        bob = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Bob"));
        bob.join();
        ada = AppUnderTest.open(
                stage,
                temp.resolve("ada"),
                "Ada",
                registry,
                List.of(
                        new JoinedGroup("Lobby", lobby.advertisedEndpoint()),
                        new JoinedGroup("Team", team.advertisedEndpoint(), null, true)));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream()
                        .filter(w -> w instanceof PopupWindow)
                        .forEach(popup -> popup.setOnShown(
                                event -> popUps.add(words(popup.getScene().getRoot()))));
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        bob.close();
        servers.close();
        System.clearProperty("groupchat.inWindowNotifications");
    }

    @Test
    void aMentionInAMutedGroupNotifiesAndIsCountedOnTheTab() throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> ada.connectionText("Team").equals("connected")
                        && Fx.get(() -> ada.tab("Lobby").isSelected()));

        bob.send("lunch anyone?");
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Team").getText()).equals("Team (1)"));
        assertThat(popUps).noneMatch(words -> words.contains("Team"));

        bob.send("@Ada can you review the release notes?", null, List.of(ada.identity.id()));

        waitFor(30, TimeUnit.SECONDS, () -> popUps.stream().anyMatch(w -> w.contains("Bob mentioned you in Team")));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Team").getText()).equals("Team (2) @1"));
    }

    @Test
    void typingAtOffersMembersAndTheMentionReachesTheServer(FxRobot robot) throws Exception {
        openTeamWithBobListed(robot);

        typeUntilBobIsOffered(robot, "@Bo");
        robot.push(KeyCode.TAB);
        robot.write("please look");
        assertThat(Fx.get(() -> ada.sendBox("Team").getText())).isEqualTo("@Bob please look");
        robot.push(KeyCode.ENTER);

        waitUntilBobIsMentionedIn("@Bob please look");
    }

    @Test
    void enterPicksTheOfferedMemberAboveTheSendBoxAndSendsNothing(FxRobot robot) throws Exception {
        openTeamWithBobListed(robot);

        typeUntilBobIsOffered(robot, "ping @b");
        assertThat(Fx.get(() -> mentionPopUpBottom()))
                .as("the offers leave the typed text visible")
                .isLessThanOrEqualTo(Fx.get(() -> sendBoxTop()));
        robot.push(KeyCode.ENTER);
        assertThat(Fx.get(() -> ada.sendBox("Team").getText())).isEqualTo("ping @Bob ");
        robot.write("are you there?");
        robot.push(KeyCode.ENTER);

        waitUntilBobIsMentionedIn("ping @Bob are you there?");
        assertThat(bob.fetchNewest(5).messages()).noneMatch(m -> m.text().startsWith("ping @b "));
    }

    /** Where the offers' list ends on screen (its drop shadow aside). */
    private double mentionPopUpBottom() {
        PopupControl popUp = Window.getWindows().stream()
                .filter(w -> w instanceof PopupControl p && "mention-popup".equals(p.getId()) && w.isShowing())
                .map(PopupControl.class::cast)
                .findFirst()
                .orElseThrow();
        Node list = popUp.getSkin().getNode();
        return list.localToScreen(list.getLayoutBounds()).getMaxY();
    }

    private double sendBoxTop() {
        return ada.sendBox("Team")
                .localToScreen(ada.sendBox("Team").getBoundsInLocal())
                .getMinY();
    }

    @Test
    void aNameTypedOutWithoutPickingItIsAMentionToo(FxRobot robot) throws Exception {
        openTeamWithBobListed(robot);

        robot.clickOn(ada.sendBox("Team"));
        robot.write("thanks @bob, that works");
        robot.push(KeyCode.ENTER);

        waitUntilBobIsMentionedIn("thanks @bob, that works");
    }

    /** Types {@code text} in Team's send box and waits for the list of members it offers, Bob in it. */
    private void typeUntilBobIsOffered(FxRobot robot, String text) throws Exception {
        robot.clickOn(ada.sendBox("Team"));
        robot.write(text);
        waitFor(10, TimeUnit.SECONDS, () -> popUps.stream().anyMatch(w -> w.contains("Bob")));
    }

    /** Bob's own client sees the message {@code text}, which mentions him and only him. */
    private void waitUntilBobIsMentionedIn(String text) throws Exception {
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> bob.fetchNewest(5).messages().stream()
                        .anyMatch(m -> m.text().equals(text)
                                && List.of(bob.user().id()).equals(m.mentions())));
    }

    private void openTeamWithBobListed(FxRobot robot) throws Exception {
        Fx.get(() -> {
            ada.tabPane().getSelectionModel().select(ada.tab("Team"));
            return null;
        });
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.tab("Team").isSelected())
                        && ada.connectionText("Team").equals("connected"));
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> robot.from(ada.tab("Team").getContent())
                                .lookup(".member-list")
                                .queryListView()
                                .getItems()
                                .size())
                        == 2);
    }

    private static String words(Node node) {
        List<String> found = new ArrayList<>();
        collect(node, found);
        return String.join(" | ", found);
    }

    private static void collect(Node node, List<String> found) {
        if (node instanceof Labeled labeled
                && labeled.getText() != null
                && !labeled.getText().isBlank()) {
            found.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }
}
