package org.groupchat.testing;

import java.nio.file.Path;
import org.groupchat.group.Durability;
import org.groupchat.group.MessageStore;
import org.groupchat.group.SqliteMessageStore;

/** The two stores every group contract test runs on: a SQLite file, and a real PostgreSQL server ({@link TestDatabase}). */
public enum TestStore {
    SQLITE {
        @Override
        public MessageStore open(String groupName, Path dataDir) {
            return SqliteMessageStore.open(dataDir.resolve("group.db"), Durability.PROCESS_CRASH);
        }
    },
    POSTGRESQL {
        @Override
        public MessageStore open(String groupName, Path dataDir) {
            return TestDatabase.configured().open(groupName);
        }

        @Override
        public void reset() {
            TestDatabase.fresh();
        }
    };

    /** The group's store: a file in {@code dataDir}, or the group's rows in the test database. */
    public abstract MessageStore open(String groupName, Path dataDir);

    /** Empties the store's shared database before a test; a file store starts empty anyway. */
    public void reset() {}
}
