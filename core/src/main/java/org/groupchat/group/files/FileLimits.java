package org.groupchat.group.files;

/**
 * A group's limits on shared files (protocol 1.5): bytes per file, bytes of files per group (content plus unfinished
 * uploads), and uploads in progress per user.
 */
public record FileLimits(long maxFileBytes, long maxGroupBytes, int maxUploadsPerUser) {
    public static final long DEFAULT_MAX_FILE_BYTES = 25L * 1024 * 1024;
    public static final long DEFAULT_MAX_GROUP_BYTES = 2L * 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_UPLOADS_PER_USER = 3;
    public static final FileLimits DEFAULT =
            new FileLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_GROUP_BYTES, DEFAULT_MAX_UPLOADS_PER_USER);

    public FileLimits {
        if (maxFileBytes < 1 || maxGroupBytes < 1 || maxUploadsPerUser < 1) {
            throw new IllegalArgumentException(
                    "file limits must be at least 1 (got " + maxFileBytes + " bytes per file, " + maxGroupBytes
                            + " bytes per group, " + maxUploadsPerUser + " uploads per user)");
        }
    }
}
