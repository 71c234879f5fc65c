package org.groupchat.launcher.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The YAML file of {@code --config} as the flags' default values: a flag given on the command line wins, the file
 * comes next, the option's own default last; {@code --help} shows what applies. Each flag's key in the file is
 * listed here once.
 */
final class YamlDefaults implements CommandLine.IDefaultValueProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("--registry-bind", "registry.bind"),
            Map.entry("--lease-ms", "registry.leaseMs"),
            Map.entry("--max-groups", "registry.maxGroups"),
            Map.entry("--allow-groups", "registry.allowGroups"),
            Map.entry("--registry", "registryAddress"),
            Map.entry("--advertise", "advertise"),
            Map.entry("--data-dir", "dataDir"),
            Map.entry("--durability", "durability"),
            Map.entry("--database", "database"),
            Map.entry("--database-password-file", "databasePasswordFile"),
            Map.entry("--heartbeat-ms", "heartbeatMs"),
            Map.entry("--group-lease-ms", "groupLeaseMs"),
            Map.entry("--max-members", "limits.maxMembers"),
            Map.entry("--max-parked-polls", "limits.maxParkedPolls"),
            Map.entry("--max-parked-polls-per-user", "limits.maxParkedPollsPerUser"),
            Map.entry("--send-rate", "limits.sendsPerSecond"),
            Map.entry("--send-burst", "limits.sendBurst"),
            Map.entry("--max-file-size", "limits.maxFileSize"),
            Map.entry("--max-group-files", "limits.maxGroupFiles"),
            Map.entry("--max-uploads-per-user", "limits.maxUploadsPerUser"),
            Map.entry("--secure", "secure"),
            Map.entry("--keys-dir", "keysDir"),
            Map.entry("--registry-key", "registryKey"),
            Map.entry("--allow-users", "allowUsers"),
            Map.entry("--metrics-bind", "metricsBind"),
            Map.entry("--retain-days", "retainDays"));

    private ConfigFile.Loaded loaded;
    private JsonNode settings;
    private UsageProblem problem;

    /** Reads {@code file} (null: none); a file that cannot be used is reported by {@link #loaded()}, not here. */
    void load(Path file) {
        loaded = null;
        settings = null;
        problem = null;
        if (file == null) {
            return;
        }
        try {
            loaded = ConfigFile.read(file);
            settings = JSON.valueToTree(loaded.config());
        } catch (UsageProblem e) {
            problem = e;
        }
    }

    /** The file read, null without {@code --config}. @throws UsageProblem when the file could not be used */
    ConfigFile.Loaded loaded() {
        if (problem != null) {
            throw problem;
        }
        return loaded;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (settings == null || !(arg instanceof OptionSpec option) || !KEYS.containsKey(option.longestName())) {
            return null;
        }
        JsonNode value = settings.at("/" + KEYS.get(option.longestName()).replace('.', '/'));
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** How to name a setting in a message: the flag when it was given, else the file's key and line when the file set it. */
    String name(CommandLine.ParseResult given, String flag) {
        String key = KEYS.get(flag);
        if (given.hasMatchedOption(flag)
                || loaded == null
                || key == null
                || !loaded.lines().containsKey(key)) {
            return flag;
        }
        return loaded.key(key);
    }
}
