package org.groupchat.desktop.chat;

import java.time.LocalDate;
import java.time.ZoneId;
import javafx.scene.control.DateCell;

/** A day in the "load since" calendar: days still to come cannot be picked, as nothing was said then. */
final class PastDayCell extends DateCell {
    private final ZoneId zone;

    PastDayCell(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void updateItem(LocalDate day, boolean empty) {
        super.updateItem(day, empty);
        setDisable(empty || day.isAfter(LocalDate.now(zone)));
    }
}
