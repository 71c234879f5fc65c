package org.groupchat.desktop.profile;

/** Where the main window was when the app last quit: position, size, maximised, and the groups pane's width. */
public record WindowBounds(double x, double y, double width, double height, boolean maximized, double groupsWidth) {

    /** False for bounds a damaged file gave. */
    boolean usable() {
        return Double.isFinite(x)
                && Double.isFinite(y)
                && Double.isFinite(width)
                && Double.isFinite(height)
                && Double.isFinite(groupsWidth);
    }
}
