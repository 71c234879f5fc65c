package org.groupchat.desktop.chat;

import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import org.groupchat.protocol.Member;

/**
 * One member: a dot that is green when they were active in the last 15 s, and their name as {@link DisplayNames} shows
 * it, with the start of their id beside a name that looks like another member's.
 */
final class MemberCell extends ListCell<Member> {
    private final String ownId;
    private final Circle dot = new Circle(4);

    MemberCell(String ownId) {
        this.ownId = ownId;
    }

    @Override
    protected void updateItem(Member member, boolean empty) {
        super.updateItem(member, empty);
        if (empty || member == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        dot.getStyleClass().setAll("presence-dot", member.online() ? "online" : "away");
        setGraphic(dot);
        String name = DisplayNames.shown(member.name());
        if (DisplayNames.looksLikeAnother(member, getListView().getItems())) {
            name += " " + DisplayNames.shortId(member.id());
        }
        setText((member.id().equals(ownId) ? name + " (you)" : name) + (member.isOwner() ? " · owner" : ""));
        setTooltip(new Tooltip("User id " + member.id()));
        setGraphicTextGap(8);
    }
}
