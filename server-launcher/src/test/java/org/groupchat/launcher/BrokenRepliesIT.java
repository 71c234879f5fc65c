package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.groupchat.testing.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line client meets servers whose replies break the protocol: one line, exit code 5, no retries. */
class BrokenRepliesIT {
    @TempDir
    Path work;

    @Test
    void aReplyWithWrongTypesIsOneLineNamingTheServerWithItsOwnExitCode() throws Exception {
        String reply = "{\"ok\":true,\"messages\":[],\"lastSeq\":\"x\",\"more\":false}";
        try (HostileServer server = new HostileServer(request -> List.of(reply.getBytes(StandardCharsets.UTF_8)))) {
            CliRun fetch = CliRun.run(work, null, "--identity", "alice.json", "fetch", server.endpoint());
            assertThat(fetch.exitCode()).isEqualTo(5);
            assertThat(fetch.err())
                    .isEqualTo(
                            "groupchat-servers: the server at " + server.endpoint()
                                    + " broke the protocol: its reply to FETCH has a missing or ill-typed field at \"lastSeq\"\n");
            assertThat(server.replies()).as("no retries").isEqualTo(1);
        }
    }

    @Test
    void aReplyThatIsNotJsonIsTheServersFaultNotOurs() throws Exception {
        try (HostileServer server = new HostileServer(request -> List.of("<html>".getBytes(StandardCharsets.UTF_8)))) {
            CliRun join = CliRun.run(work, null, "--identity", "alice.json", "join", server.endpoint());
            assertThat(join.exitCode()).isEqualTo(5);
            assertThat(join.err())
                    .contains(
                            "the server at " + server.endpoint() + " broke the protocol: its reply to JOIN is not JSON")
                    .doesNotContain("INTERNAL")
                    .doesNotContain("unreadable");
        }
    }
}
