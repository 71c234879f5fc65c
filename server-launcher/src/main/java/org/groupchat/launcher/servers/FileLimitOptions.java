package org.groupchat.launcher.servers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groupchat.group.files.FileLimits;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Option;

/**
 * The launcher's flags for shared files (protocol 1.5), a picocli mixin; a flag wins over the YAML file's
 * {@code limits.maxFileSize}, {@code limits.maxGroupFiles} and {@code limits.maxUploadsPerUser}.
 */
public final class FileLimitOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KIB|MB|MIB|GB|GIB|K|M|G)?");

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Largest file a member may share, e.g. 25MiB, 500KB, 1048576 (default: 25MiB).")
    String maxFileSize;

    @Option(names = "--max-group-files", paramLabel = "SIZE",
            description = "Bytes of shared files a group may hold, unfinished uploads included (default: 2GiB).")
    String maxGroupFiles;

    @Option(names = "--max-uploads-per-user", paramLabel = "N",
            description = "Uploads a user may have in progress at once in a group (default: 3).")
    Integer maxUploadsPerUser;

    /** The limits from the flags, else the YAML file's, else the defaults. */
    public FileLimits resolve(Optional<ServersConfig.Limits> yaml) {
        long perFile = size(pick(maxFileSize, yaml.map(ServersConfig.Limits::maxFileSize)), "--max-file-size",
                FileLimits.DEFAULT_MAX_FILE_BYTES);
        long perGroup = size(pick(maxGroupFiles, yaml.map(ServersConfig.Limits::maxGroupFiles)), "--max-group-files",
                FileLimits.DEFAULT_MAX_GROUP_BYTES);
        Integer uploads = pick(maxUploadsPerUser, yaml.map(ServersConfig.Limits::maxUploadsPerUser));
        int perUser = uploads == null ? FileLimits.DEFAULT_MAX_UPLOADS_PER_USER : uploads;
        if (perUser < 1) {
            throw new UsageProblem("--max-uploads-per-user (limits.maxUploadsPerUser) must be at least 1, got " + perUser);
        }
        return new FileLimits(perFile, perGroup, perUser);
    }

    private static <T> T pick(T flag, Optional<T> fromFile) {
        return flag != null ? flag : fromFile.orElse(null);
    }

    /** "25MiB" -> 26214400; KB/MB/GB are powers of 1000, KiB/MiB/GiB (and K/M/G) powers of 1024. */
    static long size(String value, String flag, long fallback) {
        if (value == null) {
            return fallback;
        }
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
