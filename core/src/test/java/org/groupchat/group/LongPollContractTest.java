package org.groupchat.group;

import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Nested;

/** The long-poll contract on each store. */
class LongPollContractTest {

    @Nested
    class OnSqlite extends LongPollContract {
        OnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends LongPollContract {
        OnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }
}
