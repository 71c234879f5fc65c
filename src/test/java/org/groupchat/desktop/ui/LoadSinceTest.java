package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupServer;
import org.groupchat.group.NewMessage;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LoadSinceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final User CAROL = new User(UUID.randomUUID().toString(), "Carol");

    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private AppUnderTest ada;

    @Start
    void start(Stage stage) throws Exception {
        String registry = servers.registry();
        Files.createDirectories(temp.resolve("history"));
        SqliteMessageStore store = SqliteMessageStore.open(temp.resolve("history/group.db"), Durability.PROCESS_CRASH);
        store.bulkAppend(messages("morning 1", "morning 2", "morning 3"), at(LocalTime.of(9, 0)));
        store.bulkAppend(messages("after ten 1", "after ten 2", "after ten 3"), at(LocalTime.of(10, 0)));
        GroupServer history = servers.group("History", store, TestServers.ANY_PORT, registry);
        ada = AppUnderTest.open(
                stage,
                temp.resolve("ada"),
                "Ada",
                registry,
                List.of(new JoinedGroup("History", history.advertisedEndpoint())));
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
    }

    @Test
    void loadSinceShowsExactlyTheMessagesFromThatMomentOn(FxRobot robot) throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> ada.messageTexts("History").size() == 6);

        DatePicker date =
                Fx.get(() -> (DatePicker) ada.tab("History").getContent().lookup(".date-picker"));
        robot.interact(() -> date.setValue(DAY));
        robot.clickOn(Fx.get(() -> robot.from(ada.root())
                .lookup(".text-field")
                .match(n -> "HH:mm".equals(((TextField) n).getPromptText()))
                .queryAs(TextField.class)));
        robot.write("09:30");
        robot.clickOn("Load");

        waitFor(30, TimeUnit.SECONDS, () -> ada.messageTexts("History").size() == 3);
        assertThat(ada.messageTexts("History")).containsExactly("after ten 1", "after ten 2", "after ten 3");
        assertThat(Fx.get(() -> robot.from(ada.root())
                        .lookup("Load earlier messages")
                        .tryQuery()
                        .map(Node::isVisible)))
                .as("\"Load earlier messages\" shown")
                .contains(true);
    }

    private static List<NewMessage> messages(String... texts) {
        return Arrays.stream(texts)
                .map(t -> new NewMessage(UUID.randomUUID().toString(), CAROL, t))
                .toList();
    }

    private static long at(LocalTime time) {
        return DAY.atTime(time).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
