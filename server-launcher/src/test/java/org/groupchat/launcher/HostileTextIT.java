package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.User;
import org.groupchat.testing.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a member or a server can make the command-line client print: control characters and bidi controls in
 * messages, names and error messages come out escaped, in a file, through a pipe and on a terminal alike.
 */
class HostileTextIT {
    private static final String ATTACK =
            "hello \u001b]0;pwned title\u0007\u001b[2J\u001b[31mfake system message\u001b[0m"
                    + " \u009b31mc1 \u202eevil\u202c\r over\u007f\nsecond line\tafter a tab";
    private static final String SHOWN = "hello \\e]0;pwned title\\u0007\\e[2J\\e[31mfake system message\\e[0m"
            + " \\u009b31mc1 \\u202eevil\\u202c\\r over\\u007f\n      second line\tafter a tab";
    // Names with control characters break the contract (the client refuses the reply); bidi controls do not.
    private static final String NAME = "Mallory\u202e\u2066";
    private static final String NAME_SHOWN = "Mallory\\u202e\\u2066";

    @TempDir
    Path work;

    @Test
    void membersTextAndNamesArePrintedEscapedWhereverTheOutputGoes() throws Exception {
        String registry = FreePorts.endpoint();
        String alpha = FreePorts.endpoint();
        String[] serverArgs = {"--registry-bind", registry, "--group", "Alpha=" + alpha, "--data-dir", "./data"};
        try (ServerProcess servers = ServerProcess.startReady(work, serverArgs)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli(registry, "list").out().contains("Alpha"));
            assertThat(cli(registry, "join", "Alpha").exitCode()).isZero();
            assertThat(cli(registry, "send", "Alpha", "placeholder").exitCode()).isZero();
            assertThat(servers.terminate()).isZero();
        }
        storeAsAnOlderServerWould(ATTACK, NAME);
        try (ServerProcess servers = ServerProcess.startReady(work, serverArgs)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli(registry, "list").out().contains("Alpha"));

            byte[] inFile = cliToFile(registry, "fetch", "Alpha");
            RawControls.assertNone(inFile);
            assertThat(new String(inFile, StandardCharsets.UTF_8)).contains(NAME_SHOWN + ": " + SHOWN);

            byte[] onTerminal = cliOnTerminal(registry, "fetch", "Alpha");
            RawControls.assertNone(onTerminal);
            assertThat(new String(onTerminal, StandardCharsets.UTF_8)).contains("\\e[2J\\e[31mfake system message");

            CliRun members = cli(registry, "members", "Alpha");
            RawControls.assertNone(members.out().getBytes(StandardCharsets.UTF_8));
            assertThat(members.out()).contains(NAME_SHOWN);

            CliRun json = cli(registry, "fetch", "Alpha", "--json");
            RawControls.assertNone(json.out().getBytes(StandardCharsets.UTF_8));
            assertThat(json.out())
                    .contains("\\u001B[2J")
                    .contains("\\u009b31mc1")
                    .contains("\\u202eevil");

            assertFollowPrintsNewMessagesEscaped(registry, alpha);
        }
    }

    @Test
    void aServersErrorMessageIsPrintedEscaped() throws Exception {
        byte[] reply =
                "{\"ok\":false,\"error\":{\"code\":\"INTERNAL\",\"message\":\"\\u001b[31mred\\u001b[0m injected\\u009b\\u202e\"}}"
                        .getBytes(StandardCharsets.UTF_8);
        try (HostileServer server = new HostileServer(request -> List.of(reply))) {
            CliRun send = cli("tcp://127.0.0.1:1", "send", server.endpoint(), "hi");
            assertThat(send.exitCode()).isEqualTo(1);
            RawControls.assertNone(send.err().getBytes(StandardCharsets.UTF_8));
            assertThat(send.err()).contains("INTERNAL: \\e[31mred\\e[0m injected\\u009b\\u202e");
        }
    }

    private void assertFollowPrintsNewMessagesEscaped(String registry, String alpha) throws Exception {
        Path out = work.resolve("follow.out");
        List<String> args = new ArrayList<>(
                List.of("client", "--registry", registry, "--identity", "alice.json", "fetch", "Alpha", "--follow"));
        Process follow = new ProcessBuilder(ServerProcess.javaCommand(work, args))
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (GroupClient bob = new GroupClient(alpha, new User("22222222-2222-4222-8222-222222222222", "Bob"))) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.readString(out).contains("fake system message"));
            bob.join();
            bob.send("\u202eflipped\u2066 by a member");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.readString(out).contains("flipped"));
        } finally {
            follow.destroy();
            follow.waitFor(10, TimeUnit.SECONDS);
        }
        byte[] printed = Files.readAllBytes(out);
        RawControls.assertNone(printed);
        assertThat(new String(printed, StandardCharsets.UTF_8)).contains("Bob: \\u202eflipped\\u2066 by a member");
    }

    /** Messages and names as a server from before the control-character rule stored them. */
    private void storeAsAnOlderServerWould(String text, String name) throws Exception {
        Path db;
        try (var files = Files.list(work.resolve("data"))) {
            db = files.filter(f -> f.getFileName().toString().endsWith(".db"))
                    .findFirst()
                    .orElseThrow();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (PreparedStatement st = connection.prepareStatement("UPDATE messages SET text = ?, sender_name = ?")) {
                st.setString(1, text);
                st.setString(2, name);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement st = connection.prepareStatement("UPDATE members SET name = ?")) {
                st.setString(1, name);
                st.executeUpdate();
            }
        }
    }

    private CliRun cli(String registry, String... args) throws Exception {
        List<String> all =
                new ArrayList<>(List.of("--registry", registry, "--identity", "alice.json", "--name", "Alice"));
        all.addAll(List.of(args));
        return CliRun.run(work, null, all.toArray(String[]::new));
    }

    private byte[] cliToFile(String registry, String... args) throws Exception {
        Path out = work.resolve("out-" + System.nanoTime());
        Process process = new ProcessBuilder(clientCommand(registry, args))
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllBytes(out);
    }

    /** The client run under a pseudo-terminal (util-linux {@code script}), as a user at a terminal runs it. */
    private byte[] cliOnTerminal(String registry, String... args) throws Exception {
        String command = clientCommand(registry, args).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        Path out = work.resolve("tty-" + System.nanoTime());
        Process process = new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
                .directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllBytes(out);
    }

    private List<String> clientCommand(String registry, String... args) {
        List<String> all = new ArrayList<>(List.of("client", "--registry", registry, "--identity", "alice.json"));
        all.addAll(List.of(args));
        return ServerProcess.javaCommand(work, all);
    }
}
