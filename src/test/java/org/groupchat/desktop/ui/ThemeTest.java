package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.fx.Theme;
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

/** Issue 13: View › Dark theme restyles the window, is remembered across a restart, and keeps text readable. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    private static final double READABLE = 4.5;

    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();
    private Stage stage;
    private AppUnderTest ada;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        String registry = servers.registry();
        GroupServer team = servers.group("Team", temp.resolve("team"), TestServers.ANY_PORT, registry);
        try (GroupClient bob = new GroupClient(
                team.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Bob"))) {
            bob.join();
            bob.send("a message with `code` and a link https://example.org");
        }
        ada = AppUnderTest.openJoined(stage, temp.resolve("ada"), "Ada", registry, team);
    }

    @AfterEach
    void stop() throws Exception {
        ada.quit();
        servers.close();
        Fx.get(() -> {
            Theme.LIGHT.apply();
            return null;
        });
    }

    @Test
    void theDarkThemeIsRememberedAndItsTextIsReadable(FxRobot robot) throws Exception {
        String message = "a message with `code` and a link https://example.org";
        waitFor(30, TimeUnit.SECONDS, () -> ada.row("Team", message) != null);
        assertThat(Fx.get(Application::getUserAgentStylesheet)).contains("primer-light");
        assertReadable(robot, message);

        robot.clickOn("View");
        robot.clickOn("Dark theme");

        waitFor(
                10,
                TimeUnit.SECONDS,
                () -> Fx.get(Application::getUserAgentStylesheet).contains("primer-dark"));
        waitFor(10, TimeUnit.SECONDS, () -> luminance(background(ada.row("Team", message))) < 0.1);
        assertReadable(robot, message);

        ada.quit();
        Fx.get(() -> {
            Theme.LIGHT.apply();
            return null;
        });
        ada = Fx.get(() -> AppUnderTest.reopen(stage, temp.resolve("ada")));

        waitFor(
                30,
                TimeUnit.SECONDS,
                () -> Fx.get(Application::getUserAgentStylesheet).contains("primer-dark"));
        RadioMenuItem dark = Fx.get(() -> (RadioMenuItem) ((MenuBar) ada.root().lookup(".menu-bar"))
                .getMenus().stream()
                        .flatMap(m -> m.getItems().stream())
                        .filter(i -> "_Dark theme".equals(i.getText()))
                        .findFirst()
                        .orElseThrow());
        assertThat(Fx.get(dark::isSelected)).isTrue();
    }

    /** Every piece of text in the message's row and the sender's name stand out from what lies behind them (WCAG AA). */
    private void assertReadable(FxRobot robot, String message) throws Exception {
        waitFor(10, TimeUnit.SECONDS, () -> ada.row("Team", message) != null);
        Fx.get(() -> {
            Node row = ada.row("Team", message);
            row.applyCss();
            List<String> checked = new ArrayList<>();
            for (Node node : robot.from(row)
                    .lookup((Node n) -> n instanceof Text || n instanceof Labeled)
                    .queryAll()) {
                if (!node.isVisible() || node.getScene() == null) {
                    continue;
                }
                Paint fill = node instanceof Text text ? text.getFill() : ((Labeled) node).getTextFill();
                String shown = node instanceof Text text ? text.getText() : ((Labeled) node).getText();
                if (shown == null || shown.isBlank() || !(fill instanceof Color colour)) {
                    continue;
                }
                assertThat(contrast(colour, background(node)))
                        .as("contrast of \"%s\" (%s)", shown, node.getStyleClass())
                        .isGreaterThanOrEqualTo(READABLE);
                checked.add(shown);
            }
            assertThat(checked).contains("Bob", "code");
            return null;
        });
    }

    /** The first opaque background behind {@code node}. */
    private static Color background(Node node) {
        return Fx.get(() -> {
            for (Node at = node; at != null; at = at.getParent()) {
                if (at instanceof Region region && region.getBackground() != null) {
                    for (var fill : region.getBackground().getFills()) {
                        if (fill.getFill() instanceof Color c && c.getOpacity() > 0.9) {
                            return c;
                        }
                    }
                }
            }
            Paint scene = node.getScene().getFill();
            return scene instanceof Color c ? c : Color.WHITE;
        });
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
