package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry in its own network namespace, joined to this one by a veth pair; the link is cut for longer than a
 * lease by an nftables rule that drops every packet silently (as a failed switch or firewall does: TCP backs off)
 * and brought back (issue 17, fix 10). Needs root and nft (CI installs nftables).
 */
class LinkCutIT {
    private static final String CUT_RULES = "table inet gc_cut {\n"
            + "  chain in { type filter hook input priority 0; policy drop; }\n"
            + "  chain out { type filter hook output priority 0; policy drop; }\n}\n";

    private final int net = ThreadLocalRandom.current().nextInt(1, 250);
    private final String namespace = "gc-cut-" + net;
    private final String hostSide = "gccut" + net + "a";
    private final String registryHost = "10.217." + net + ".2";

    @TempDir
    Path work;

    @BeforeEach
    void joinANamespaceByAVethPair() throws Exception {
        assumeTrue(run("nft", "--version") == 0, "needs nftables");
        assumeTrue(run("ip", "netns", "add", namespace) == 0, "needs root and ip netns");
        require("ip", "link", "add", hostSide, "type", "veth", "peer", "name", "gccut" + net + "b");
        require("ip", "link", "set", "gccut" + net + "b", "netns", namespace);
        require("ip", "addr", "add", "10.217." + net + ".1/30", "dev", hostSide);
        require("ip", "link", "set", hostSide, "up");
        require(
                "ip",
                "netns",
                "exec",
                namespace,
                "ip",
                "addr",
                "add",
                registryHost + "/30",
                "dev",
                "gccut" + net + "b");
        require("ip", "netns", "exec", namespace, "ip", "link", "set", "gccut" + net + "b", "up");
        require("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
    }

    @AfterEach
    void removeThem() throws Exception {
        run("ip", "link", "del", hostSide);
        run("ip", "netns", "del", namespace);
    }

    @Test
    void aGroupIsListedAgainWithinAboutOneHeartbeatAfterACutLinkComesBack() throws Exception {
        String registry = "tcp://" + registryHost + ":5555";
        try (ServerProcess registryProcess = ServerProcess.startWithPrefix(
                work, List.of("ip", "netns", "exec", namespace), "--registry-bind", registry, "--lease-ms", "6000")) {
            registryProcess.awaitReady();
            try (ServerProcess group = ServerProcess.startReady(
                    work,
                    "--registry",
                    registry,
                    "--heartbeat-ms",
                    "2000",
                    "--group",
                    "Cut=tcp://10.217." + net + ".1:*",
                    "--data-dir",
                    "data")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> registrations(registryProcess) == 1);

                require("ip", "netns", "exec", namespace, "nft", "-f", "-", CUT_RULES);
                await("the lease expires while the link is cut")
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> registryProcess.err().stream()
                                .anyMatch(l -> l.contains("lease of group \"Cut\"") && l.contains("expired")));
                // a cut of about 15 s: TCP has backed off to retransmitting about every 13 s by then
                await("no heartbeat gets through the cut")
                        .during(Duration.ofSeconds(10))
                        .atMost(Duration.ofSeconds(14))
                        .until(() -> registrations(registryProcess) == 1);
                long restored = System.nanoTime();
                require("ip", "netns", "exec", namespace, "nft", "delete", "table", "inet", "gc_cut");

                await().atMost(Duration.ofSeconds(20)).until(() -> registrations(registryProcess) == 2);
                long backMs = (System.nanoTime() - restored) / 1_000_000;
                System.out.printf(
                        "LinkCutIT: listed again %d ms after the link came back (heartbeat 2000 ms)%n", backMs);
                // one heartbeat (2 s) plus the 1.25-beat silence that triggers a fresh connection; it was 7-8 s
                assertThat(backMs).isLessThan(4_500);
                assertThat(group.terminate()).isZero();
            }
            assertThat(registryProcess.terminate()).isZero();
        }
    }

    private static long registrations(ServerProcess registry) {
        return registry.err().stream()
                .filter(l -> l.contains("group \"Cut\" registered at"))
                .count();
    }

    private static void require(String... command) throws IOException, InterruptedException {
        boolean readsStdin = command[command.length - 1].startsWith("table ");
        String[] args = readsStdin ? Arrays.copyOf(command, command.length - 1) : command;
        assertThat(runWithInput(readsStdin ? command[command.length - 1] : null, args))
                .as(String.join(" ", args))
                .isZero();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return runWithInput(null, command);
    }

    /** Runs a command with {@code input} on its stdin (a "-" argument reads it). */
    private static int runWithInput(String input, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        return process.waitFor();
    }
}
