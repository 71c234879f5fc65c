package org.groupchat.group;

import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.Nested;

/** Protocol 1.4's events, moderation and read markers on each store. */
class EventContractTest {

    @Nested
    class EventsOnSqlite extends EventContract {
        EventsOnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class EventsOnPostgresql extends EventContract {
        EventsOnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }

    @Nested
    class ModerationOnSqlite extends ModerationContract {
        ModerationOnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class ModerationOnPostgresql extends ModerationContract {
        ModerationOnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }

    @Nested
    class ReadMarkersOnSqlite extends ReadMarkerContract {
        ReadMarkersOnSqlite() {
            super(TestStore.SQLITE);
        }
    }

    @Nested
    class ReadMarkersOnPostgresql extends ReadMarkerContract {
        ReadMarkersOnPostgresql() {
            super(TestStore.POSTGRESQL);
        }
    }
}
