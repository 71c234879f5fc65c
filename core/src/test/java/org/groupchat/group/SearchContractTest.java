package org.groupchat.group;

import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Nested;

/** The SEARCH contract on each store. */
class SearchContractTest {

    @Nested
    class OnSqlite extends SearchContract {
        OnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends SearchContract {
        OnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }
}
