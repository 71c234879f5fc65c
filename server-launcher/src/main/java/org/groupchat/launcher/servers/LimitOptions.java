package org.groupchat.launcher.servers;

import java.util.function.UnaryOperator;
import org.groupchat.group.GroupLimits;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Option;

/** What each group allows its members: how many, how fast, how many held polls, and how long messages are kept. */
final class LimitOptions {
    @Option(
            names = "--max-members",
            paramLabel = "N",
            defaultValue = "" + GroupLimits.DEFAULT_MAX_MEMBERS,
            description = "Members per group (default: ${DEFAULT-VALUE}).")
    int maxMembers;

    @Option(
            names = "--max-parked-polls",
            paramLabel = "N",
            defaultValue = "" + GroupLimits.DEFAULT_MAX_PARKED_POLLS,
            description = "Long polls a group holds at once, for all its members (default: ${DEFAULT-VALUE}).")
    int maxParkedPolls;

    @Option(
            names = "--max-parked-polls-per-user",
            paramLabel = "N",
            defaultValue = "" + GroupLimits.DEFAULT_MAX_PARKED_POLLS_PER_USER,
            description = "Long polls a group holds at once for one user (default: ${DEFAULT-VALUE}).")
    int maxParkedPollsPerUser;

    @Option(
            names = "--send-rate",
            paramLabel = "PER_SECOND",
            defaultValue = "" + GroupLimits.DEFAULT_SENDS_PER_SECOND,
            description = "Messages per second each user may send, 0 for no limit (default: ${DEFAULT-VALUE}).")
    double sendRate;

    @Option(
            names = "--send-burst",
            paramLabel = "N",
            defaultValue = "" + GroupLimits.DEFAULT_SEND_BURST,
            description = "Messages a user may send at once (default: ${DEFAULT-VALUE}).")
    int sendBurst;

    @Option(
            names = "--retain-days",
            paramLabel = "N",
            description =
                    "Drop messages older than N days, in the background (default: keep them for ever). YAML: retainDays,"
                            + " also per group.")
    Integer retainDays;

    /** The limits, each checked; {@code names} names a setting in a refusal as the operator gave it. */
    GroupLimits limits(UnaryOperator<String> names) {
        atLeast(maxMembers, 1, names.apply("--max-members"));
        atLeast(maxParkedPolls, 0, names.apply("--max-parked-polls"));
        atLeast(maxParkedPollsPerUser, 0, names.apply("--max-parked-polls-per-user"));
        atLeast(sendRate, 0, names.apply("--send-rate"));
        atLeast(sendBurst, 1, names.apply("--send-burst"));
        GroupLimits limits = new GroupLimits(maxMembers, maxParkedPolls, maxParkedPollsPerUser, sendRate, sendBurst);
        if (retainDays == null) {
            return limits;
        }
        atLeast(retainDays, 1, names.apply("--retain-days"));
        return limits.withRetainMs(retainDays * 86_400_000L);
    }

    static void atLeast(double value, double minimum, String setting) {
        if (value < minimum) {
            throw new UsageProblem(setting + " must be at least " + (long) minimum + ", got "
                    + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)));
        }
    }
}
