package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group names compare without case, so a group's file is the same whichever case the operator types. */
class GroupDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aNameInAnotherCaseFindsTheSameFile() {
        assertThat(GroupDatabase.fileFor(dir, "Lobby"))
                .isEqualTo(GroupDatabase.fileFor(dir, "LOBBY"))
                .isEqualTo(GroupDatabase.fileFor(dir, "lobby"));
        assertThat(GroupDatabase.fileFor(dir, "Lobby")).isNotEqualTo(GroupDatabase.fileFor(dir, "Lobby 2"));
    }

    @Test
    void aFileNamedByTheExactSpellingOfAnEarlierVersionIsAdoptedWithItsWal() throws Exception {
        String legacyStem = "cool-group-"
                + HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest("Cool Group".getBytes(StandardCharsets.UTF_8)),
                                0,
                                4);
        Files.writeString(dir.resolve(legacyStem + ".db"), "the old history");
        Files.writeString(dir.resolve(legacyStem + ".db-wal"), "the old wal");

        Path file = GroupDatabase.fileFor(dir, "Cool Group");

        assertThat(file.getFileName().toString()).isNotEqualTo(legacyStem + ".db");
        assertThat(Files.readString(file)).isEqualTo("the old history");
        assertThat(Files.readString(Path.of(file + "-wal"))).isEqualTo("the old wal");
        assertThat(dir.resolve(legacyStem + ".db")).doesNotExist();
        assertThat(GroupDatabase.fileFor(dir, "cool group")).isEqualTo(file);
    }
}
