package org.groupchat.group;

/**
 * Per-group limits an operator can set. A rate of 0 sends per second switches the send limit off.
 */
public record GroupLimits(int maxMembers, int maxParkedPolls, int maxParkedPollsPerUser, double sendsPerSecond,
        int sendBurst) {
    public static final GroupLimits DEFAULT = new GroupLimits(1_000, 5_000, 4, 20, 40);
    public static final GroupLimits UNLIMITED_SENDS = DEFAULT.withSendRate(0, 0);

    public GroupLimits withSendRate(double perSecond, int burst) {
        return new GroupLimits(maxMembers, maxParkedPolls, maxParkedPollsPerUser, perSecond, burst);
    }

    public GroupLimits withMaxMembers(int max) {
        return new GroupLimits(max, maxParkedPolls, maxParkedPollsPerUser, sendsPerSecond, sendBurst);
    }

    public GroupLimits withMaxParkedPolls(int max) {
        return new GroupLimits(maxMembers, max, maxParkedPollsPerUser, sendsPerSecond, sendBurst);
    }
}
