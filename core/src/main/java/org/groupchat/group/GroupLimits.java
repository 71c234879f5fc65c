package org.groupchat.group;

/**
 * Per-group limits an operator can set. A rate of 0 sends per second switches the send limit off; {@code retainMs}
 * 0 keeps history for ever, else messages older than that are dropped in the background (retention).
 */
public record GroupLimits(
        int maxMembers,
        int maxParkedPolls,
        int maxParkedPollsPerUser,
        double sendsPerSecond,
        int sendBurst,
        long retainMs) {
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

    public GroupLimits(
            int maxMembers, int maxParkedPolls, int maxParkedPollsPerUser, double sendsPerSecond, int sendBurst) {
        this(maxMembers, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, 0);
    }

    public GroupLimits withSendRate(double perSecond, int burst) {
        return new GroupLimits(maxMembers, maxParkedPolls, maxParkedPollsPerUser, perSecond, burst, retainMs);
    }

    public GroupLimits withMaxMembers(int max) {
        return new GroupLimits(max, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, retainMs);
    }

    public GroupLimits withMaxParkedPolls(int max) {
        return new GroupLimits(maxMembers, max, maxParkedPollsPerUser, sendsPerSecond, sendBurst, retainMs);
    }

    /** Keeps messages for {@code ms} milliseconds; 0 for ever. */
    public GroupLimits withRetainMs(long ms) {
        return new GroupLimits(maxMembers, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst, ms);
    }
}
