package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group's files on disk hold its messages: only their owner may read them, as with secret keys. */
class GroupFilePermissionsTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");

    @TempDir
    Path dir;

    @BeforeEach
    void posixFileSystem() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "needs POSIX file modes");
    }

    @Test
    void aNewGroupsDatabaseWalSharedMemoryAndLockAreReadableByTheirOwnerOnly() throws IOException {
        try (SqliteMessageStore store = GroupDatabase.open(dir, "Secret Plans", Durability.PROCESS_CRASH)) {
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "meet at noon")));
            store.putMember(ALICE);

            Path database = GroupDatabase.fileFor(dir, "Secret Plans");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.toList())
                        .extracting(file -> file.getFileName().toString())
                        .contains(
                                database.getFileName() + "",
                                database.getFileName() + "-wal",
                                database.getFileName() + "-shm",
                                database.getFileName() + ".lock")
                        .allSatisfy(name ->
                                assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void anExistingDatabaseKeepsTheModeItsOwnerGaveIt() throws IOException {
        try (SqliteMessageStore store = GroupDatabase.open(dir, "Shared", Durability.PROCESS_CRASH)) {
            store.putMember(ALICE);
        }
        Path database = GroupDatabase.fileFor(dir, "Shared");
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r-----"));
        try (SqliteMessageStore store = GroupDatabase.open(dir, "Shared", Durability.PROCESS_CRASH)) {
            assertThat(store.member(ALICE.id())).isPresent();
        }
        assertThat(mode(database)).isEqualTo("rw-r-----");
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
