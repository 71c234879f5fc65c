package org.groupchat.group;

import org.groupchat.group.files.FileLimits;

/**
 * Per-group limits an operator can set. A rate of 0 sends per second switches the send limit off; {@code retainMs}
 * 0 keeps history for ever, else messages older than that are dropped in the background (retention). {@code files}:
 * the limits on shared files (1.5).
 */
public record GroupLimits(
        int maxMembers,
        int maxParkedPolls,
        int maxParkedPollsPerUser,
        double sendsPerSecond,
        int sendBurst,
        long retainMs,
        FileLimits files) {
    public static final int DEFAULT_MAX_MEMBERS = 1_000;
    public static final int DEFAULT_MAX_PARKED_POLLS = 5_000;
    public static final int DEFAULT_MAX_PARKED_POLLS_PER_USER = 4;
    public static final int DEFAULT_SENDS_PER_SECOND = 20;
    public static final int DEFAULT_SEND_BURST = 40;
    public static final GroupLimits DEFAULT = new GroupLimits(
            DEFAULT_MAX_MEMBERS,
            DEFAULT_MAX_PARKED_POLLS,
            DEFAULT_MAX_PARKED_POLLS_PER_USER,
            DEFAULT_SENDS_PER_SECOND,
            DEFAULT_SEND_BURST);
    public static final GroupLimits UNLIMITED_SENDS = DEFAULT.withSendRate(0, 0);

    public GroupLimits {
        files = files == null ? FileLimits.DEFAULT : files;
    }

    public GroupLimits(
            int maxMembers, int maxParkedPolls, int maxParkedPollsPerUser, double sendsPerSecond, int sendBurst) {
        this(maxMembers, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, 0);
    }

    public GroupLimits(
            int maxMembers,
            int maxParkedPolls,
            int maxParkedPollsPerUser,
            double sendsPerSecond,
            int sendBurst,
            long retainMs) {
        this(
                maxMembers,
                maxParkedPolls,
                maxParkedPollsPerUser,
                sendsPerSecond,
                sendBurst,
                retainMs,
                FileLimits.DEFAULT);
    }

    public GroupLimits withSendRate(double perSecond, int burst) {
        return new GroupLimits(maxMembers, maxParkedPolls, maxParkedPollsPerUser, perSecond, burst, retainMs, files);
    }

    public GroupLimits withMaxMembers(int max) {
        return new GroupLimits(max, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, retainMs, files);
    }

    public GroupLimits withMaxParkedPolls(int max) {
        return new GroupLimits(maxMembers, max, maxParkedPollsPerUser, sendsPerSecond, sendBurst, retainMs, files);
    }

    /** Keeps messages for {@code ms} milliseconds; 0 for ever. */
    public GroupLimits withRetainMs(long ms) {
        return new GroupLimits(maxMembers, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, ms, files);
    }

    /** The limits on shared files (1.5). */
    public GroupLimits withFiles(FileLimits fileLimits) {
        return new GroupLimits(
                maxMembers, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, retainMs, fileLimits);
    }
}
