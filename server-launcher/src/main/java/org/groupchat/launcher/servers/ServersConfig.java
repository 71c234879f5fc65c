package org.groupchat.launcher.servers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The servers to run, as written in a YAML file ({@code --config}); flags given on the command line win.
 * <pre>
 * registry:
 *   bind: tcp://127.0.0.1:5555
 *   leaseMs: 6000
 * registryAddress: tcp://127.0.0.1:5555   # used when no registry runs here
 * advertise: chat.example.lan
 * dataDir: ./data
 * durability: process-crash               # or power-loss
 * groups:
 *   - name: Cool Group
 *     bind: tcp://127.0.0.1:5560
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ServersConfig(
        RegistrySection registry,
        String registryAddress,
        String advertise,
        String dataDir,
        String durability,
        Limits limits,
        List<GroupSection> groups) {

    public record RegistrySection(String bind, Long leaseMs, Integer maxGroups) {}

    public record GroupSection(String name, String bind) {}

    public record Limits(Integer maxMembers, Double sendsPerSecond, Integer sendBurst, Integer maxParkedPolls) {}
}
