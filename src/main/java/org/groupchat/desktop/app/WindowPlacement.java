package org.groupchat.desktop.app;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.groupchat.desktop.profile.WindowBounds;

/**
 * Puts the main window where it was when the app last quit, on a screen that still shows it, or at a sensible size
 * in the middle of the primary screen; never larger than the screen, never with its title bar off it.
 */
final class WindowPlacement {
    static final double DEFAULT_WIDTH = 1100;
    static final double DEFAULT_HEIGHT = 720;
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 420;
    static final double DEFAULT_GROUPS_WIDTH = 280;
    /** How far a second profile's first window opens from the first's, so it does not hide it. */
    static final double CASCADE = 48;

    private WindowPlacement() {}

    /** {@code cascaded}: another profile's window may already sit in the middle (its first start only). */
    static void apply(Stage stage, Optional<WindowBounds> saved, boolean cascaded) {
        Rectangle2D screen = saved.flatMap(WindowPlacement::screenShowing)
                .orElse(Screen.getPrimary().getVisualBounds());
        double width = Math.min(saved.map(WindowBounds::width).orElse(DEFAULT_WIDTH), screen.getWidth());
        double height = Math.min(saved.map(WindowBounds::height).orElse(DEFAULT_HEIGHT), screen.getHeight());
        double shift = cascaded ? CASCADE : 0;
        double x = saved.map(b -> clamp(b.x(), screen.getMinX(), screen.getMaxX() - width))
                .orElse(clamp(
                        screen.getMinX() + (screen.getWidth() - width) / 2 + shift,
                        screen.getMinX(),
                        screen.getMaxX() - width));
        double y = saved.map(b -> clamp(b.y(), screen.getMinY(), screen.getMaxY() - height))
                .orElse(clamp(
                        screen.getMinY() + (screen.getHeight() - height) / 2 + shift,
                        screen.getMinY(),
                        screen.getMaxY() - height));
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(Math.max(width, Math.min(MIN_WIDTH, screen.getWidth())));
        stage.setHeight(Math.max(height, Math.min(MIN_HEIGHT, screen.getHeight())));
        stage.setMaximized(saved.map(WindowBounds::maximized).orElse(false));
    }

    /** The stage's bounds now; a maximised window keeps the size it had before, to go back to. */
    static WindowBounds capture(Stage stage, Optional<WindowBounds> before, double groupsWidth) {
        if (stage.isMaximized() && before.isPresent()) {
            WindowBounds old = before.get();
            return new WindowBounds(old.x(), old.y(), old.width(), old.height(), true, groupsWidth);
        }
        return new WindowBounds(
                stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), groupsWidth);
    }

    private static Optional<Rectangle2D> screenShowing(WindowBounds bounds) {
        return Screen.getScreensForRectangle(bounds.x(), bounds.y(), Math.max(1, bounds.width()), 40).stream()
                .findFirst()
                .map(Screen::getVisualBounds);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
