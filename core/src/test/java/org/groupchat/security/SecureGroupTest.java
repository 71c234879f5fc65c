package org.groupchat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.client.HandshakeRefusedException;
import org.groupchat.client.RegistryClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.registry.RegistryServer;
import org.groupchat.testing.CapturingTcpProxy;
import org.groupchat.testing.RawZmtpPeer;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group server with CURVE on: what an eavesdropper sees, who may connect, and who may speak as whom. */
class SecureGroupTest {
    /** Long enough that a refusal is told apart from a timeout on a loaded machine; a refused call ends far sooner. */
    private static final ClientOptions QUICK =
            ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(1);

    @TempDir
    Path dataDir;

    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private final CurveKeyPair aliceKeys = CurveKeyPair.generate();
    private final CurveKeyPair malloryKeys = CurveKeyPair.generate();
    private final User alice = new User(PublicKeys.userIdFor(aliceKeys.publicKey()), "Alice");
    private GroupServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private GroupServer start(ServerSecurity security) {
        GroupServerConfig config = TestGroups.unlimited(GroupServerConfig.of("Secret Club", TestGroups.ANY_PORT, null));
        server = TestGroups.group(config.withSecurity(security), dataDir);
        return server;
    }

    private GroupClient client(String endpoint, User user, CurveKeyPair own, String serverKey) {
        return new GroupClient(null, endpoint, user, QUICK, serverKey == null ? null : new ClientKeys(serverKey, own));
    }

    @Test
    void anEavesdropperSeesNoMessageTextWhenSecurityIsOn() throws Exception {
        start(ServerSecurity.withKeys(groupKeys));
        try (CapturingTcpProxy proxy = new CapturingTcpProxy(
                        "127.0.0.1", server.boundEndpoint().port());
                GroupClient client = client(proxy.endpoint(), alice, aliceKeys, groupKeys.publicKey())) {
            client.join();
            client.send("meet at the old mill at noon");
            assertThat(client.fetchNewest(10).messages())
                    .extracting(Message::text)
                    .containsExactly("meet at the old mill at noon");

            String wire = new String(proxy.captured(), StandardCharsets.ISO_8859_1);
            assertThat(wire.length()).as("bytes captured").isGreaterThan(200);
            assertThat(wire)
                    .doesNotContain("old mill")
                    .doesNotContain("Alice")
                    .doesNotContain("SEND")
                    .doesNotContain(alice.id());
        }
    }

    @Test
    void theSameCaptureShowsEverythingWhenSecurityIsOff() throws Exception {
        start(null);
        try (CapturingTcpProxy proxy = new CapturingTcpProxy(
                        "127.0.0.1", server.boundEndpoint().port());
                GroupClient client = client(proxy.endpoint(), alice, aliceKeys, null)) {
            client.join();
            client.send("meet at the old mill at noon");

            assertThat(new String(proxy.captured(), StandardCharsets.UTF_8))
                    .contains("old mill")
                    .contains("\"Alice\"");
        }
    }

    @Test
    void aClientExpectingAnotherServerKeyIsRefusedWithAClearError() {
        start(ServerSecurity.withKeys(groupKeys));
        String impostorKey = CurveKeyPair.generate().publicKey();
        try (GroupClient client = client(server.boundEndpoint().toString(), alice, aliceKeys, impostorKey)) {
            assertThatThrownBy(client::join)
                    .isInstanceOf(HandshakeRefusedException.class)
                    .hasMessageContaining("refused our secure handshake")
                    .hasMessageContaining(PublicKeys.fingerprint(impostorKey));
        }
    }

    @Test
    void aClientWithoutSecurityIsRefusedBySecureServerAndSaysWhy() {
        start(ServerSecurity.withKeys(groupKeys));
        try (GroupClient client = client(server.boundEndpoint().toString(), alice, aliceKeys, null)) {
            assertThatThrownBy(client::join)
                    .isInstanceOf(HandshakeRefusedException.class)
                    .hasMessageContaining(
                            "refused our handshake: it runs with security (CURVE) and we have no key for it");
        }
    }

    @Test
    void aSecureClientIsRefusedByAServerWithoutSecurity() {
        start(null);
        try (GroupClient client = client(server.boundEndpoint().toString(), alice, aliceKeys, groupKeys.publicKey())) {
            assertThatThrownBy(client::join).isInstanceOf(HandshakeRefusedException.class);
        }
    }

    @Test
    void nobodyCanSendOrLeaveAsAnotherUser() {
        start(ServerSecurity.withKeys(groupKeys));
        String endpoint = server.boundEndpoint().toString();
        User forged = new User(alice.id(), "Alice");
        try (GroupClient real = client(endpoint, alice, aliceKeys, groupKeys.publicKey());
                GroupClient mallory = client(endpoint, forged, malloryKeys, groupKeys.publicKey())) {
            real.join();
            real.send("hello from the real Alice");

            assertRefused(mallory::join);
            assertRefused(() -> mallory.send("I am Alice, send me the money"));
            assertRefused(mallory::leave);
            assertRefused(() -> mallory.fetchNewest(10));

            assertThat(real.fetchNewest(10).messages())
                    .extracting(Message::text)
                    .containsExactly("hello from the real Alice");
            assertThat(real.members()).extracting(m -> m.id()).containsExactly(alice.id());
        }
    }

    @Test
    void aUserActsUnderTheIdOfTheirOwnKey() {
        start(ServerSecurity.withKeys(groupKeys));
        User mallory = new User(PublicKeys.userIdFor(malloryKeys.publicKey()), "Mallory");
        try (GroupClient client =
                client(server.boundEndpoint().toString(), mallory, malloryKeys, groupKeys.publicKey())) {
            client.join();
            assertThat(client.send("hi, I am Mallory").sender().id()).isEqualTo(mallory.id());
        }
    }

    @Test
    void aPrivateGroupServesOnlyTheKeysOnItsList() throws Exception {
        Path list = dataDir.resolve("members.allow");
        Files.writeString(list, "# the club\n" + aliceKeys.publicKey() + " Alice's laptop\n");
        start(ServerSecurity.withKeys(groupKeys).withAllowList(AllowList.load(list)));
        User mallory = new User(PublicKeys.userIdFor(malloryKeys.publicKey()), "Mallory");
        String endpoint = server.boundEndpoint().toString();
        try (GroupClient member = client(endpoint, alice, aliceKeys, groupKeys.publicKey());
                GroupClient outsider = client(endpoint, mallory, malloryKeys, groupKeys.publicKey())) {
            member.join();
            member.send("members only");

            assertThatThrownBy(outsider::join)
                    .isInstanceOfSatisfying(
                            ServerErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                    .hasMessageContaining("private group")
                    .hasMessageContaining(PublicKeys.fingerprint(malloryKeys.publicKey()));
            assertThat(outsider.ping().role())
                    .as("PING stays open for health checks")
                    .isEqualTo("group");
        }
    }

    @Test
    void aKeyRemovedFromThePrivateListDropsItsUserFromMembersAndFromListsCounts() throws Exception {
        Path list = dataDir.resolve("members.allow");
        CurveKeyPair bobKeys = CurveKeyPair.generate();
        User bob = new User(PublicKeys.userIdFor(bobKeys.publicKey()), "Bob");
        Files.writeString(list, aliceKeys.publicKey() + " Alice\n" + bobKeys.publicKey() + " Bob\n");
        try (RegistryServer registry = TestGroups.registry(6_000)) {
            GroupServerConfig config = TestGroups.unlimited(GroupServerConfig.of(
                            "Secret Club",
                            TestGroups.ANY_PORT,
                            registry.boundEndpoint().toString()))
                    .withHeartbeatMs(100);
            server = TestGroups.group(
                    config.withSecurity(ServerSecurity.withKeys(groupKeys).withAllowList(AllowList.load(list))),
                    dataDir);
            String endpoint = server.boundEndpoint().toString();
            try (GroupClient aliceClient = client(endpoint, alice, aliceKeys, groupKeys.publicKey());
                    GroupClient bobClient = client(endpoint, bob, bobKeys, groupKeys.publicKey());
                    RegistryClient lister =
                            new RegistryClient(registry.boundEndpoint().toString())) {
                aliceClient.join();
                bobClient.join();
                org.awaitility.Awaitility.await()
                        .until(() -> lister.list().stream().anyMatch(g -> g.members() == 2 && g.online() == 2));

                Files.writeString(list, aliceKeys.publicKey() + " Alice\n");
                Files.setLastModifiedTime(list, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> aliceClient.members().stream()
                                .map(m -> m.id())
                                .toList()
                                .equals(List.of(alice.id())));
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> lister.list().stream().anyMatch(g -> g.members() == 1 && g.online() == 1));
                assertThatThrownBy(bobClient::members)
                        .isInstanceOf(ServerErrorException.class)
                        .hasMessageContaining("private group");
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {-1L, 0x800000007FFFFFFFL})
    void aHugeFrameLengthBeforeAuthenticationDoesNotDeafenASecureServer(long length) throws Exception {
        start(ServerSecurity.withKeys(groupKeys));
        String endpoint = server.boundEndpoint().toString();
        try (RawZmtpPeer evil = new RawZmtpPeer(endpoint).greetAs("CURVE");
                GroupClient client = client(endpoint, alice, aliceKeys, groupKeys.publicKey())) {
            evil.send(RawZmtpPeer.commandHeader(length));
            client.join();
            assertThat(client.send("still served").text()).isEqualTo("still served");
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ServerErrorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED))
                .hasMessageContaining("cannot act as user");
    }
}
