package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The prepared statements of one append transaction, kept across appends: preparing them is a parse per SEND. */
final class WriteStatements implements AutoCloseable {
    final PreparedStatement begin;
    final PreparedStatement insert;
    final PreparedStatement commit;

    WriteStatements(Connection db, String insertSql) throws SQLException {
        // BEGIN and COMMIT as statements: the driver's autocommit switch runs two more statements per transaction.
        begin = db.prepareStatement("BEGIN");
        insert = db.prepareStatement(insertSql);
        commit = db.prepareStatement("COMMIT");
    }

    @Override
    public void close() {
        for (PreparedStatement st : new PreparedStatement[] {begin, insert, commit}) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // closing after a failed write: nothing more to release
            }
        }
    }
}
