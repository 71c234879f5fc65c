package org.groupchat.desktop.fx;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/** A small padlock drawn with shapes, so no icon font is needed: closed for a secure connection, open otherwise. */
public final class LockIcon extends Group {
    private static final String CLOSED_SHACKLE = "M3 7 V4.5 A3 3 0 0 1 9 4.5 V7";
    private static final String OPEN_SHACKLE = "M9 7 V3.5 A3 3 0 0 0 3 3.5 V4.5";

    private final SVGPath shackle = new SVGPath();

    public LockIcon() {
        shackle.getStyleClass().add("lock-shackle");
        Rectangle body = new Rectangle(0.5, 7, 11, 8);
        body.setArcWidth(2.5);
        body.setArcHeight(2.5);
        body.getStyleClass().add("lock-body");
        getChildren().addAll(shackle, body);
        getStyleClass().add("lock");
        setClosed(false);
    }

    public void setClosed(boolean closed) {
        shackle.setContent(closed ? CLOSED_SHACKLE : OPEN_SHACKLE);
        getStyleClass().removeAll("closed", "open");
        getStyleClass().add(closed ? "closed" : "open");
    }

    public boolean isClosed() {
        return getStyleClass().contains("closed");
    }
}
