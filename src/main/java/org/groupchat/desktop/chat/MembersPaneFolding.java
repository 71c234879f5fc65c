package org.groupchat.desktop.chat;

import javafx.application.Platform;
import javafx.scene.control.SplitPane;
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
    private boolean placing;

    MembersPaneFolding(SplitPane split, Region members) {
        this.split = split;
        this.members = members;
        this.membersWidth = members.getPrefWidth();
    }

    void install() {
        split.widthProperty().addListener((obs, was, width) -> fit(width.doubleValue()));
        split.getDividers().get(0).positionProperty().addListener((obs, was, position) -> {
            if (!placing && split.getWidth() > 0 && split.getItems().contains(members)) {
                membersWidth = (1 - position.doubleValue()) * split.getWidth();
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
        Platform.runLater(() -> {
            placing = true;
            split.setDividerPositions(1 - membersWidth / split.getWidth());
            placing = false;
        });
    }
}
