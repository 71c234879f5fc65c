package org.groupchat.launcher.servers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The servers to run, as written in a YAML file ({@code --config}); flags given on the command line win.
 * <pre>
 * registry:
 *   bind: tcp://127.0.0.1:5555
 *   leaseMs: 6000
 * registryAddress: tcp://a.lan:5555,tcp://b.lan:5555   # registries elsewhere; groups heartbeat to each
 * heartbeatMs: 2000                       # how often groups renew their lease
 * groupLeaseMs: 6000                      # with database: a standby takes over when the active's turn runs out
 * advertise: chat.example.lan
 * dataDir: ./data
 * durability: process-crash               # or power-loss
 * database: postgresql://chat@db.lan:5432/groupchat   # instead of SQLite files in dataDir
 * databasePasswordFile: ./database.password          # else GROUPCHAT_DATABASE_PASSWORD
 * secure: true                            # CURVE on every server (docs/SECURITY.md)
 * keysDir: ./data/keys                    # where their key pairs live (default: DATA_DIR/keys)
 * registryKey: ./registry.key             # a registry elsewhere: its public key, or its .key file
 * allowUsers: ./members.allow             # groups without their own list are private to these keys
 * owners: [./olivia.key]                  # user keys (or key files) that own every group here; needs secure
 * metricsBind: 127.0.0.1:9404             # Prometheus /metrics and /health (default: off)
 * retainDays: 365                         # drop messages older than this (default: keep for ever); per group too
 * limits:                                 # also maxMembers, sendsPerSecond, sendBurst, maxParkedPolls
 *   maxFileSize: 25MiB                    # shared files (1.5): per file, per group, uploads in progress per user
 *   maxGroupFiles: 2GiB
 *   maxUploadsPerUser: 3
 * groups:
 *   - name: Cool Group
 *     bind: tcp://127.0.0.1:5560
 *     allowUsers: ./cool-group.allow
 * </pre>
 * The registry section also takes {@code allowGroups: FILE}: the group servers that may register.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServersConfig(
        RegistrySection registry,
        String registryAddress,
        String advertise,
        String dataDir,
        String durability,
        String database,
        String databasePasswordFile,
        Long heartbeatMs,
        Long groupLeaseMs,
        Limits limits,
        Boolean secure,
        String keysDir,
        String registryKey,
        String allowUsers,
        String metricsBind,
        Integer retainDays,
        List<GroupSection> groups,
        List<String> owners) {

    public record RegistrySection(String bind, Long leaseMs, Integer maxGroups, String allowGroups) {}

    public record GroupSection(String name, String bind, String allowUsers, Integer retainDays) {}

    /** {@code maxFileSize}, {@code maxGroupFiles}: sizes such as {@code 25MiB}, {@code 2GiB} (1.5, files). */
    public record Limits(
            Integer maxMembers,
            Double sendsPerSecond,
            Integer sendBurst,
            Integer maxParkedPolls,
            Integer maxParkedPollsPerUser,
            String maxFileSize,
            String maxGroupFiles,
            Integer maxUploadsPerUser) {}
}
