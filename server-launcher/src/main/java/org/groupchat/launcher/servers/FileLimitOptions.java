package org.groupchat.launcher.servers;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groupchat.group.files.FileLimits;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Option;

/**
 * The launcher's flags for shared files (protocol 1.5); in YAML {@code limits.maxFileSize}, {@code limits.maxGroupFiles}
 * and {@code limits.maxUploadsPerUser}.
 */
final class FileLimitOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KIB|MB|MIB|GB|GIB|K|M|G)?");

    @Option(
            names = "--max-file-size",
            paramLabel = "SIZE",
            defaultValue = "25MiB",
            description = "Largest file a member may share, e.g. 25MiB, 500KB, 1048576 (default: ${DEFAULT-VALUE}).")
    String maxFileSize;

    @Option(
            names = "--max-group-files",
            paramLabel = "SIZE",
            defaultValue = "2GiB",
            description =
                    "Bytes of shared files a group may hold, unfinished uploads included (default: ${DEFAULT-VALUE}).")
    String maxGroupFiles;

    @Option(
            names = "--max-uploads-per-user",
            paramLabel = "N",
            defaultValue = "" + FileLimits.DEFAULT_MAX_UPLOADS_PER_USER,
            description = "Uploads a user may have in progress at once in a group (default: ${DEFAULT-VALUE}).")
    int maxUploadsPerUser;

    /** The limits, each checked; {@code names} names a setting in a refusal as the operator gave it. */
    FileLimits resolve(UnaryOperator<String> names) {
        long perFile = size(maxFileSize, names.apply("--max-file-size"));
        long perGroup = size(maxGroupFiles, names.apply("--max-group-files"));
        LimitOptions.atLeast(maxUploadsPerUser, 1, names.apply("--max-uploads-per-user"));
        return new FileLimits(perFile, perGroup, maxUploadsPerUser);
    }

    /** "25MiB" -> 26214400; KB/MB/GB are powers of 1000, KiB/MiB/GiB (and K/M/G) powers of 1024. */
    static long size(String value, String flag) {
        Matcher m = SIZE.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageProblem(flag + " must be a size such as 25MiB, 500KB or 1048576, got \"" + value + "\"");
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            case "K", "KIB" -> 1L << 10;
            case "M", "MIB" -> 1L << 20;
            case "G", "GIB" -> 1L << 30;
            default -> 1L;
        };
        long bytes;
        try {
            bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new UsageProblem(flag + " is too large: \"" + value + "\"");
        }
        if (bytes < 1) {
            throw new UsageProblem(flag + " must be at least 1 byte, got \"" + value + "\"");
        }
        return bytes;
    }
}
