package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Turns of a group in PostgreSQL: one server writes at a time, and one that lost its turn stores nothing. */
class GroupLeaseTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");
    private static final long LEASE_MS = 600;
    // Renewed only every 10 s: no renewal comes between the test ending this lease and the next server taking over.
    private static final long SLOW_LEASE_MS = 30_000;

    @Test
    void aServerWhoseTurnWasTakenStoresNothing() throws Exception {
        PostgresDatabase database = TestDatabase.fresh();
        try (PostgresMessageStore first = database.open(
                "Turns", database.tryTake("Turns", "first", SLOW_LEASE_MS).orElseThrow())) {
            first.append(List.of(message("older"), message("by the first")));
            assertThat(database.tryTake("Turns", "second", LEASE_MS))
                    .as("taken while the first renews")
                    .isEmpty();

            // The first stops renewing (as a paused or cut-off server would): its lease runs out, the second takes
            // over.
            runOut("Turns");
            GroupLease taken = database.tryTake("Turns", "second", LEASE_MS).orElseThrow();
            assertThat(taken.epoch()).isEqualTo(first.epoch() + 1);
            try (PostgresMessageStore second = database.open("Turns", taken)) {
                NewMessage late = message("by the first, too late");
                assertThatThrownBy(() -> first.append(List.of(late)))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("another server has taken the group over");

                assertThat(first.dropOlderThan(Long.MAX_VALUE, 100))
                        .as("retention by the first, too late")
                        .isZero();
                assertThat(second.append(List.of(message("by the second")))
                                .get(0)
                                .seq())
                        .isEqualTo(3);
                assertThat(second.findById(late.id())).isEmpty();
                assertThat(second.after(0, 10).messages())
                        .extracting(Message::text)
                        .containsExactly("older", "by the first", "by the second");
            }
        }
    }

    @Test
    void aRenewedTurnIsKeptAndAClosedOneIsFreeAtOnce() {
        PostgresDatabase database = TestDatabase.fresh();
        PostgresMessageStore first = database.open(
                "Kept", database.tryTake("Kept", "first", LEASE_MS).orElseThrow());
        // Three leases long: only the renewals keep the second out.
        long until = System.nanoTime() + 3 * LEASE_MS * 1_000_000L;
        while (System.nanoTime() < until) {
            assertThat(database.tryTake("Kept", "second", LEASE_MS)).isEmpty();
        }
        first.close();
        try (GroupLease second = database.tryTake("Kept", "second", LEASE_MS).orElseThrow()) {
            assertThat(second.epoch()).isEqualTo(2);
        }
    }

    private static NewMessage message(String text) {
        return new NewMessage(UUID.randomUUID().toString(), ALICE, text);
    }

    /** Ends the group's lease in the database, as if its holder had stopped renewing it a lease ago. */
    private static void runOut(String group) throws Exception {
        try (Connection db = DriverManager.getConnection(
                        TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                PreparedStatement st = db.prepareStatement(
                        "UPDATE groupchat.group_lease SET expires_at = clock_timestamp()"
                                + " - interval '1 second' WHERE group_id = (SELECT id FROM groupchat.chat_group WHERE name = ?)")) {
            st.setString(1, group);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }
}
