package org.groupchat.group;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates a group's files readable by their owner only (0600, as secret keys are): a group's messages are for its
 * members. SQLite gives the WAL and shared-memory files it creates the database file's mode.
 */
final class OwnerOnlyFiles {
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private OwnerOnlyFiles() {}

    /** The attributes to create a file in {@code folder} with: owner-only where the file system has POSIX modes. */
    static FileAttribute<?>[] attributes(Path folder) {
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {OWNER_ONLY} : new FileAttribute<?>[0];
    }

    /** Creates {@code file}, empty and owner-only, unless it exists; an existing file keeps the mode it has. */
    static void createIfAbsent(Path file) throws IOException {
        try {
            Files.createFile(file, attributes(file.toAbsolutePath().getParent()));
        } catch (FileAlreadyExistsException e) {
            // an existing group's file, as its owner left it
        }
    }
}
