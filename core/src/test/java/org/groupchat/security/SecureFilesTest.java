package org.groupchat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.CapturingTcpProxy;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files (1.5) in a private group with CURVE: listed members share them encrypted, other keys get nothing. */
class SecureFilesTest {
    private static final ClientOptions QUICK =
            ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(1);
    private static final int CHUNK = FileTransfers.CHUNK_SIZE;

    @TempDir
    Path dataDir;

    @TempDir
    Path files;

    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private final CurveKeyPair aliceKeys = CurveKeyPair.generate();
    private final CurveKeyPair bobKeys = CurveKeyPair.generate();
    private final CurveKeyPair malloryKeys = CurveKeyPair.generate();
    private final User alice = new User(PublicKeys.userIdFor(aliceKeys.publicKey()), "Alice");
    private final User bob = new User(PublicKeys.userIdFor(bobKeys.publicKey()), "Bob");
    private final User mallory = new User(PublicKeys.userIdFor(malloryKeys.publicKey()), "Mallory");
    private GroupServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listedMembersShareAFileEncryptedAndAKeyNotOnTheListCanNeitherBeginSendNorGetOne() throws Exception {
        Path list = dataDir.resolve("members.allow");
        Files.writeString(list, aliceKeys.publicKey() + " Alice\n" + bobKeys.publicKey() + " Bob\n");
        GroupServerConfig config = TestGroups.unlimited(GroupServerConfig.of("Secret Club", TestGroups.ANY_PORT, null));
        server = TestGroups.group(
                config.withSecurity(ServerSecurity.withKeys(groupKeys).withAllowList(AllowList.load(list))), dataDir);
        String endpoint = server.boundEndpoint().toString();
        byte[] plans = "the plans for the old mill, page after page. "
                .repeat(3 * CHUNK / 40)
                .getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(files.resolve("plans.txt"), plans);

        Message event;
        try (CapturingTcpProxy proxy = new CapturingTcpProxy(
                        "127.0.0.1", server.boundEndpoint().port());
                GroupClient member = client(proxy.endpoint(), alice, aliceKeys)) {
            member.join();
            event = new FileTransfer(member).upload(file, FileTransfer.Progress.NONE);
            String wire = new String(proxy.captured(), StandardCharsets.ISO_8859_1);
            assertThat(wire.length()).as("bytes captured").isGreaterThan(plans.length);
            assertThat(wire)
                    .doesNotContain("old mill")
                    .doesNotContain("plans.txt")
                    .doesNotContain("FILE_CHUNK");
        }
        assertThat(event.file().size()).isEqualTo(plans.length);

        try (GroupClient listed = client(endpoint, bob, bobKeys);
                GroupClient outsider = client(endpoint, mallory, malloryKeys)) {
            listed.join();
            Path got = new FileTransfer(listed)
                    .download(event.file().id(), files.resolve("got.txt"), FileTransfer.Progress.NONE);
            assertThat(Files.readAllBytes(got)).isEqualTo(plans);

            String own = UUID.randomUUID().toString();
            assertNotOnTheList(() -> outsider.fileBegin(own, "mine.txt", 10, "0".repeat(64), "text/plain"));
            assertNotOnTheList(() -> outsider.fileChunk(own, 0, "0".repeat(64), new byte[10]));
            assertNotOnTheList(() -> outsider.fileGet(event.file().id(), 0));
            assertNotOnTheList(() -> new FileTransfer(outsider).upload(file, FileTransfer.Progress.NONE));
            Path outsiders = Files.createDirectories(files.resolve("outsider"));
            assertNotOnTheList(() ->
                    new FileTransfer(outsider).download(event.file().id(), outsiders, FileTransfer.Progress.NONE));
            assertThat(outsiders.toFile().list())
                    .as("nothing written for the outsider")
                    .isEmpty();

            assertThat(listed.fetchAfter(0, 100, 0).messages())
                    .as("the outsider's uploads left no trace in the log")
                    .extracting(Message::kind)
                    .containsExactly("file");
        }
    }

    private GroupClient client(String endpoint, User user, CurveKeyPair own) {
        return new GroupClient(null, endpoint, user, QUICK, new ClientKeys(groupKeys.publicKey(), own));
    }

    private void assertNotOnTheList(ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ServerErrorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                .hasMessageContaining("private group")
                .hasMessageContaining(PublicKeys.fingerprint(malloryKeys.publicKey()));
    }
}
