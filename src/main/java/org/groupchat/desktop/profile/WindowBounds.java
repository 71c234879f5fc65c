package org.groupchat.desktop.profile;

import java.util.Optional;
import java.util.Properties;

/** Where the main window was when the app last quit: position, size, maximised, and the groups pane's width. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized, double groupsWidth) {

    Properties toProperties() {
        Properties props = new Properties();
        props.setProperty("x", Double.toString(x));
        props.setProperty("y", Double.toString(y));
        props.setProperty("width", Double.toString(width));
        props.setProperty("height", Double.toString(height));
        props.setProperty("maximized", Boolean.toString(maximized));
        props.setProperty("groupsWidth", Double.toString(groupsWidth));
        return props;
    }

    /** The bounds in {@code props}, or empty when there are none or they are damaged. */
    static Optional<WindowBounds> from(Properties props) {
        try {
            return Optional.of(new WindowBounds(number(props, "x"), number(props, "y"), number(props, "width"),
                    number(props, "height"), Boolean.parseBoolean(props.getProperty("maximized")),
                    number(props, "groupsWidth")));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static double number(Properties props, String key) {
        double value = Double.parseDouble(props.getProperty(key));
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(key);
        }
        return value;
    }
}
