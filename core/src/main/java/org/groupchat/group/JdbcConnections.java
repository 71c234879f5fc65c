package org.groupchat.group;

import java.sql.Connection;
import java.sql.SQLException;

/** What every database connection of a group needs after a failure: is it gone, and closing it whatever its state. */
public final class JdbcConnections {
    private JdbcConnections() {}

    /** Whether {@code e} means {@code db} is gone (so a new connection is needed) rather than one bad statement. */
    public static boolean isBroken(Connection db, SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return !db.isValid(1);
        } catch (SQLException invalid) {
            return true;
        }
    }

    /** Closes a connection that may be broken already; null is nothing to close. */
    public static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // a broken connection: the server ends its side
            }
        }
    }
}
