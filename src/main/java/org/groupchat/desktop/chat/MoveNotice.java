package org.groupchat.desktop.chat;

import java.util.function.LongSupplier;
import javafx.beans.property.StringProperty;

/** The "moved to" line of a tab whose group moved: it stays until the group answers there, and long enough to be read. */
final class MoveNotice {
    private static final long SHOWN_MS = 5_000;
    private final StringProperty notice;
    private final LongSupplier clock;
    private String moved;
    private long movedAt;

    MoveNotice(StringProperty notice, LongSupplier clock) {
        this.notice = notice;
        this.clock = clock;
    }

    void moved(String groupName, String endpoint) {
        moved = groupName + " moved to " + endpoint + "; the conversation goes on there.";
        movedAt = clock.getAsLong();
        notice.set(moved);
    }

    void answered() {
        if (moved == null || clock.getAsLong() - movedAt < SHOWN_MS) {
            return;
        }
        if (moved.equals(notice.get())) {
            notice.set("");
        }
        moved = null;
    }
}
