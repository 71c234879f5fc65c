package org.groupchat.group;

/** When an acknowledged message is safe: after a crash of the process, or also after a power cut. */
public enum Durability {
    /** Survives kill -9 of the server (SQLite WAL, synchronous=NORMAL). The default. */
    PROCESS_CRASH("NORMAL"),
    /** Survives power loss too: fsync before every acknowledgement (synchronous=FULL). */
    POWER_LOSS("FULL");

    final String sqliteSynchronous;

    Durability(String sqliteSynchronous) {
        this.sqliteSynchronous = sqliteSynchronous;
    }
}
