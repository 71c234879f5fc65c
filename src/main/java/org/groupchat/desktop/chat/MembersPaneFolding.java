package org.groupchat.desktop.chat;

import javafx.application.Platform;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * Gives the conversation the room: the members pane keeps its width in pixels (the one the user dragged it to) as the
 * window changes size, and folds away while the conversation would be narrower than {@value #MIN_CONVERSATION} px.
 */
final class MembersPaneFolding {
    static final double MIN_CONVERSATION = 440;
    private final SplitPane split;
    private final Region members;
    private double membersWidth;

    MembersPaneFolding(SplitPane split, Region members) {
        this.split = split;
        this.members = members;
        this.membersWidth = members.getPrefWidth();
    }

    void install() {
        split.widthProperty().addListener((obs, was, width) -> fit(width.doubleValue()));
        // the width the user dragged the divider to; the split's own moves while resizing do not count
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (split.getItems().contains(members) && members.getWidth() > 0) {
                membersWidth = members.getWidth();
            }
        });
    }

    private void fit(double width) {
        boolean room = width - membersWidth >= MIN_CONVERSATION;
        if (!room) {
            split.getItems().remove(members);
            return;
        }
        if (!split.getItems().contains(members)) {
            split.getItems().add(members);
        }
        // after this layout pass, which would otherwise spread the change in width over both sides
        Platform.runLater(() -> split.setDividerPositions(1 - membersWidth / split.getWidth()));
    }
}
