package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.groupchat.protocol.Message;

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

    /** Binds a message's columns, in {@code SqliteMessageStore.COLUMNS}' order, to an insert. */
    static void bind(PreparedStatement st, Message m) throws SQLException {
        st.setLong(1, m.seq());
        st.setString(2, m.id());
        st.setLong(3, m.ts());
        st.setString(4, m.sender().id());
        st.setString(5, m.sender().name());
        st.setString(6, m.text());
        EventColumns.bind(st, 7, m);
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
