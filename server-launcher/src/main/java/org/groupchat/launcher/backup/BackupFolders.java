package org.groupchat.launcher.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.groupchat.launcher.UsageProblem;

/** The files a backup holds: each group's {@code .db} file, and the {@code keys} folder; owner-only, like the data. */
final class BackupFolders {
    static final String KEYS = "keys";

    private BackupFolders() {}

    static List<Path> databases(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageProblem(dir + " is not a folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".db"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UsageProblem("cannot read the folder " + dir + ": " + e.getMessage());
        }
    }

    /** Creates {@code dir} (0700) if needed. */
    static void ownerOnlyFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UsageProblem("cannot create the folder " + dir + ": " + e.getMessage());
        }
    }

    /** Copies the key files of {@code from} that {@code to} lacks (0600); never replaces a key. Returns how many. */
    static int copyMissingKeys(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        ownerOnlyFolder(to);
        int copied = 0;
        try (Stream<Path> files = Files.list(from)) {
            for (Path key : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(key.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(key, target, StandardCopyOption.COPY_ATTRIBUTES);
                    if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
                    }
                    copied++;
                }
            }
        } catch (IOException e) {
            throw new UsageProblem("cannot copy the keys from " + from + " to " + to + ": " + e.getMessage());
        }
        return copied;
    }
}
