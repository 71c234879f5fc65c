package org.groupchat.group;

import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Nested;

/** File ops in flight together (1.5) on each store. */
class FilePipelineContractTest {

    @Nested
    class OnSqlite extends FilePipelineContract {
        OnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends FilePipelineContract {
        OnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }
}
