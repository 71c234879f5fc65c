package org.groupchat.group;

import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Nested;

/** The file ops' contract (1.5) on each store. */
class FileContractTest {

    @Nested
    class OnSqlite extends FileContract {
        OnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends FileContract {
        OnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }
}
