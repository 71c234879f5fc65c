package org.groupchat.group;

import java.sql.SQLException;

/** An append refused because another server has taken the group over: nothing of it was stored. */
final class TurnLostException extends SQLException {
    TurnLostException(String message) {
        super(message, "GCTRN");
    }
}
