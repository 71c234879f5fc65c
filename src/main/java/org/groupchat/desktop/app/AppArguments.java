package org.groupchat.desktop.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line, read by picocli: {@code --profile NAME} (or env GROUPCHAT_PROFILE) for a second identity,
 * {@code --config-dir DIR} (or system property groupchat.configDir) to keep everything in one folder,
 * {@code --registry tcp://host:port} to use another registry this time, {@code --registry-key KEY} (40 Z85
 * characters or a {@code .key} file) to trust that key for it, {@code --insecure-local-servers} to run the servers
 * the app starts itself without security.
 */
public record AppArguments(
        String profile, Path configDir, String registry, String registryKey, boolean insecureLocalServers) {

    public AppArguments(String profile, Path configDir, String registry) {
        this(profile, configDir, registry, null, false);
    }

    /** Asked for {@code --help}: its message is the usage text. */
    public static final class UsageRequested extends RuntimeException {
        UsageRequested(String usage) {
            super(usage, null, false, false);
        }
    }

    @Command(name = "groupchat", description = "The GroupChat desktop app.", sortOptions = false)
    static final class Options {
        @Option(
                names = "--profile",
                paramLabel = "NAME",
                description =
                        "Another identity on this computer" + " (default: env GROUPCHAT_PROFILE, else \"default\").")
        String profile;

        @Option(
                names = "--config-dir",
                paramLabel = "DIR",
                description = "Keep the profile in DIR (default: system property groupchat.configDir, else the"
                        + " system's config folder).")
        Path configDir;

        @Option(names = "--registry", paramLabel = "tcp://HOST:PORT", description = "Use this registry this time.")
        String registry;

        @Option(
                names = "--registry-key",
                paramLabel = "KEY|FILE",
                description = "Trust this registry key (40 Z85 characters, or its .key file).")
        String registryKey;

        @Option(
                names = "--insecure-local-servers",
                description = "Run the servers the app starts itself without security (CURVE).")
        boolean insecureLocalServers;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help and exit.")
        boolean help;
    }

    /** Reads {@code args}; an {@link IllegalArgumentException} says what is wrong, with the usage. */
    public static AppArguments parse(List<String> args, Map<String, String> env, String configDirProperty) {
        Options options = new Options();
        CommandLine line = new CommandLine(options);
        try {
            line.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + line.getUsageMessage());
        }
        if (line.isUsageHelpRequested()) {
            throw new UsageRequested(line.getUsageMessage());
        }
        String profile = options.profile != null ? options.profile : env.getOrDefault("GROUPCHAT_PROFILE", "default");
        Path configDir = options.configDir != null
                ? options.configDir
                : configDirProperty == null || configDirProperty.isBlank() ? null : Path.of(configDirProperty);
        return new AppArguments(
                profile.isBlank() ? "default" : profile,
                configDir,
                options.registry,
                options.registryKey,
                options.insecureLocalServers);
    }
}
