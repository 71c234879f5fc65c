package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.chat.ChatLine;
import org.groupchat.desktop.chat.SendState;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.FileDrop;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.group.files.FileLimits;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16: files and pictures shared between two users' windows, with their progress shown. */
@ExtendWith(ApplicationExtension.class)
class FilesTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private String registry;
    private GroupServer team;
    private AppUnderTest ada;
    private AppUnderTest bob;

    @Start
    void start(Stage stage) {
        registry = servers.registry();
        team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        ada = AppUnderTest.openJoined(stage, temp.resolve("ada"), "Ada", registry, team);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        if (bob != null) {
            bob.quit();
        }
        servers.close();
    }

    @Test
    void aFileDroppedOnATabReachesTheOtherUserWhoDownloadsIt(FxRobot robot) throws Exception {
        openBob();
        byte[] report = randomBytes(300_000, 1);
        Path file = Files.write(temp.resolve("report.pdf"), report);
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Team").equals("connected"));

        assertThat(Fx.get(() -> FileDrop.drop(ada.messages("Team"), List.of(file))))
                .as("the tab takes files dragged over it")
                .isTrue();
        clickButton(robot, "Share");

        waitFor(30, TimeUnit.SECONDS, () -> fileLine(bob, "report.pdf") != null);
        ListCell<ChatLine> row = fileRow(bob, "report.pdf");
        assertThat(Fx.get(() -> row.lookup(".file-card").isVisible())).isTrue();
        front(bob);
        robot.clickOn(button(row, "Download"));

        Path downloaded = temp.resolve("bob").resolve("Downloads").resolve("report.pdf");
        try {
            waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(downloaded));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "not downloaded; the row says: " + Fx.get(() -> texts(fileRow(bob, "report.pdf"))), e);
        }
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(report);
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> texts(fileRow(bob, "report.pdf")).contains("Saved to " + downloaded)));
        // Ada's own row became the stored file event: no progress left, no "Sending…"
        waitFor(10, TimeUnit.SECONDS, () -> fileLine(ada, "report.pdf").seq() > 0);
    }

    @Test
    void sixFilesDroppedAtOnceAllArrive(FxRobot robot) throws Exception {
        openBob();
        List<Path> notes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // large enough that the last ones wait for their turn across several pulses
            notes.add(Files.write(temp.resolve("notes-" + i + ".txt"), randomBytes(10_000_000, 10 + i)));
        }

        assertThat(Fx.get(() -> FileDrop.drop(ada.messages("Team"), notes))).isTrue();
        // every pulse, what the rows of files still to go say of themselves
        List<String> seen = new CopyOnWriteArrayList<>();
        AnimationTimer watch = everyPulse(() -> ada.messages("Team").lookupAll(".file-progress").stream()
                .filter(n -> shown(n, ada.messages("Team")))
                .forEach(n -> seen.add(texts(n))));
        clickButton(robot, "Share");

        // more than the server lets one user upload at once: the app queues them rather than fail any
        waitFor(
                60,
                TimeUnit.SECONDS,
                () -> lines(bob).stream().filter(l -> l.file() != null).count() == 6);
        stop(watch);
        assertThat(lines(ada)).noneMatch(l -> l.state() == SendState.FAILED);
        assertThat(seen).as("a queued file says it waits, not 0 %").anyMatch(t -> t.contains("Waiting for its turn"));
    }

    @Test
    void aFileOverTheGroupsLimitIsRefusedWithTheServersSentenceAndCanBeRemoved(FxRobot robot) throws Exception {
        Path huge = temp.resolve("huge.iso");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(FileLimits.DEFAULT_MAX_FILE_BYTES + 1);
        }
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Team").equals("connected"));

        assertThat(Fx.get(() -> FileDrop.drop(ada.messages("Team"), List.of(huge))))
                .isTrue();
        clickButton(robot, "Share");

        waitFor(30, TimeUnit.SECONDS, () -> {
            ChatLine line = fileLine(ada, "huge.iso");
            return line != null && line.state() == SendState.FAILED;
        });
        assertThat(fileLine(ada, "huge.iso").problem()).contains("at most");
        String refusal = "Not sent: " + fileLine(ada, "huge.iso").problem();
        try {
            waitFor(
                    10,
                    TimeUnit.SECONDS,
                    () -> Fx.get(() -> texts(fileRow(ada, "huge.iso")).contains(refusal)));
        } catch (TimeoutException e) {
            throw new AssertionError("the row says: " + Fx.get(() -> texts(fileRow(ada, "huge.iso"))), e);
        }
        ListCell<ChatLine> row = fileRow(ada, "huge.iso");
        Hyperlink remove = Fx.get(() -> row.lookupAll(".hyperlink").stream()
                .map(n -> (Hyperlink) n)
                .filter(h -> h.getText().equals("Remove") && h.isVisible())
                .findFirst()
                .orElseThrow());
        robot.clickOn(remove);
        waitFor(10, TimeUnit.SECONDS, () -> fileLine(ada, "huge.iso") == null);
        try (GroupClient carol = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            assertThat(carol.fetchNewest(50).messages()).noneMatch(m -> m.file() != null);
        }
    }

    @Test
    void aPastedPictureShowsAsAThumbnailForTheOtherUser(FxRobot robot) throws Exception {
        openBob();
        waitFor(30, TimeUnit.SECONDS, () -> ada.connectionText("Team").equals("connected"));
        Fx.get(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(stripes(240, 160));
            Clipboard.getSystemClipboard().setContent(content);
            return null;
        });
        front(ada);
        robot.clickOn(ada.sendBox("Team"));
        robot.push(KeyCode.CONTROL, KeyCode.V);
        clickButton(robot, "Share");

        waitFor(30, TimeUnit.SECONDS, () -> lines(bob).stream().anyMatch(l -> l.file() != null));
        ChatLine shared =
                lines(bob).stream().filter(l -> l.file() != null).findFirst().orElseThrow();
        assertThat(shared.file().mediaType()).isEqualTo("image/png");
        assertThat(shared.file().name()).startsWith("pasted ").endsWith(".png");
        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> {
                    ImageView thumbnail = thumbnail(fileRow(bob, shared.file().name()));
                    return thumbnail != null
                            && thumbnail.isVisible()
                            && thumbnail.getImage() != null
                            && thumbnail.getImage().getProgress() >= 1
                            && thumbnail.getImage().getWidth() == 240;
                }));

        front(bob);
        robot.clickOn(Fx.get(() -> thumbnail(fileRow(bob, shared.file().name()))));
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> Window.getWindows().stream()
                        .anyMatch(w -> w instanceof Stage s
                                && s.isShowing()
                                && (shared.file().name() + " — GroupChat").equals(s.getTitle()))));
    }

    @Test
    void aLargeDownloadShowsItsProgress() throws Exception {
        byte[] big = randomBytes(24_000_000, 3);
        Path file = Files.write(temp.resolve("dataset.bin"), big);
        try (GroupClient carol = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            for (int i = 0; i < 30; i++) {
                carol.send("before the file " + i);
            }
            new FileTransfer(carol).upload(file, FileTransfer.Progress.NONE);
        }
        waitFor(30, TimeUnit.SECONDS, () -> fileLine(ada, "dataset.bin") != null);
        // every pulse, whether a progress bar part way is on screen in the conversation
        List<Double> seenWhileShown = new CopyOnWriteArrayList<>();
        AnimationTimer watch = everyPulse(() -> ada.messages("Team").lookupAll(".file-progress .progress-bar").stream()
                .map(n -> (ProgressBar) n)
                .filter(bar -> shown(bar, ada.messages("Team")))
                .forEach(bar -> seenWhileShown.add(bar.getProgress())));

        // pressed in place: a robot's click, moving to a row the conversation may still be scrolling, could miss it
        Fx.get(() -> {
            button(fileRow(ada, "dataset.bin"), "Download").fire();
            return null;
        });

        Path downloaded = temp.resolve("ada").resolve("Downloads").resolve("dataset.bin");
        waitFor(60, TimeUnit.SECONDS, () -> Files.isRegularFile(downloaded));
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(big);
        assertThat(seenWhileShown).anyMatch(p -> p > 0 && p < 1);
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> ada.messages("Team").lookupAll(".file-progress").stream()
                                .noneMatch(n -> shown(n, ada.messages("Team"))))
                        // the last message's row grew by the outcome's line: the conversation shows that line too
                        && Fx.get(() -> fileRow(ada, "dataset.bin").lookupAll(".file-details").stream()
                                .anyMatch(n -> n instanceof Label l
                                        && l.getText().startsWith("Saved to ")
                                        && shown(l, ada.messages("Team"))
                                        && ada.wholeInView("Team", l))));
        stop(watch);
    }

    /** Runs {@code look} on the FX thread at every pulse, until {@link #stop}. */
    private static AnimationTimer everyPulse(Runnable look) {
        return Fx.get(() -> {
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    look.run();
                }
            };
            timer.start();
            return timer;
        });
    }

    private static void stop(AnimationTimer timer) {
        Fx.get(() -> {
            timer.stop();
            return null;
        });
    }

    private void openBob() throws Exception {
        bob = Fx.get(() -> AppUnderTest.openJoined(new Stage(), temp.resolve("bob"), "Bob", registry, team));
        waitFor(30, TimeUnit.SECONDS, () -> bob.connectionText("Team").equals("connected"));
    }

    /** Raises the user's window over the other one, as a user clicking into it would. */
    private static void front(AppUnderTest app) {
        Fx.get(() -> {
            app.stage.toFront();
            return null;
        });
        waitForFxEvents();
    }

    private static void clickButton(FxRobot robot, String text) throws Exception {
        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(() -> !robot.lookup(text).queryAllAs(Button.class).isEmpty()));
        robot.clickOn(Fx.get(() -> robot.lookup(text).queryAs(Button.class)));
        waitForFxEvents();
    }

    private static List<ChatLine> lines(AppUnderTest app) {
        return app.lines("Team");
    }

    private static ChatLine fileLine(AppUnderTest app, String name) {
        return lines(app).stream()
                .filter(l -> l.file() != null && l.file().name().equals(name))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static ListCell<ChatLine> fileRow(AppUnderTest app, String name) {
        return Fx.get(() -> app.messages("Team").lookupAll(".list-cell").stream()
                .map(node -> (ListCell<ChatLine>) node)
                .filter(c -> c.isVisible()
                        && c.getItem() != null
                        && c.getItem().file() != null
                        && c.getItem().file().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " on screen")));
    }

    private static Button button(ListCell<ChatLine> row, String text) {
        return Fx.get(() -> row.lookupAll(".button").stream()
                .map(node -> (Button) node)
                .filter(b -> text.equals(b.getText()) && b.isVisible())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no visible \"" + text + "\" button in the row")));
    }

    private static ImageView thumbnail(ListCell<ChatLine> row) {
        return (ImageView) row.lookup(".file-thumbnail");
    }

    private static String texts(Node root) {
        StringBuilder all = new StringBuilder();
        // every label, whatever its style classes (a send state's replace the "label" class)
        root.lookupAll("*").stream()
                .filter(n -> n instanceof Label && shown(n, root))
                .forEach(n -> all.append(((Label) n).getText()).append('\n'));
        return all.toString();
    }

    /** Whether {@code node} and every parent up to {@code root} are visible: what the user sees of the row. */
    private static boolean shown(Node node, Node root) {
        for (Node at = node; at != null && at != root; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static WritableImage stripes(int width, int height) {
        WritableImage image = new WritableImage(width, height);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels.setColor(x, y, (x / 20) % 2 == 0 ? Color.CORNFLOWERBLUE : Color.ORANGE);
            }
        }
        return image;
    }

    private static byte[] randomBytes(int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
