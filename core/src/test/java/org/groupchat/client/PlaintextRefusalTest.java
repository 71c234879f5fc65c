package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.testing.HostileServer;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client library's own rule: configured for security, it does not talk plaintext to a group that a secure
 * registry (here an old or impostor one that answers with CURVE) lists without a key.
 */
class PlaintextRefusalTest {
    @TempDir
    Path dataDir;

    private final CurveKeyPair registryKeys = CurveKeyPair.generate();
    private final CurveKeyPair aliceKeys = CurveKeyPair.generate();
    private final User alice = new User(UUID.randomUUID().toString(), "Alice");
    private GroupServer plainGroup;

    @AfterEach
    void stop() {
        if (plainGroup != null) {
            plainGroup.close();
        }
    }

    private GroupInfo listedByASecureRegistry() throws InterruptedException {
        plainGroup = TestGroups.group("Plain", dataDir, null);
        byte[] listing = ("{\"ok\":true,\"group\":{\"name\":\"Plain\",\"endpoint\":\"" + plainGroup.boundEndpoint()
                        + "\",\"members\":0,\"online\":0,\"lastSeq\":0,\"since\":0}}")
                .getBytes(StandardCharsets.UTF_8);
        try (HostileServer registry = new HostileServer(registryKeys, request -> List.of(listing))) {
            Registries registries = Registries.parse(
                    null,
                    registry.endpoint(),
                    ClientOptions.DEFAULT,
                    new ClientKeys(registryKeys.publicKey(), aliceKeys));
            return registries.lookup("Plain");
        }
    }

    @Test
    void aClientConfiguredForSecurityRefusesAGroupListedWithoutAKeyAndSaysWhy() throws Exception {
        GroupInfo listed = listedByASecureRegistry();
        assertThat(listed.secure()).isFalse();

        assertThatThrownBy(
                        () -> GroupClient.forListed(null, listed, alice, ClientOptions.DEFAULT, aliceKeys, true, null))
                .isInstanceOf(PlaintextRefusedException.class)
                .hasMessageContaining("\"Plain\" is listed without a key by a secure registry")
                .hasMessageContaining("plaintext")
                .hasMessageContaining("refuses");
        try (GroupClient observer = new GroupClient(
                plainGroup.boundEndpoint().toString(),
                new User(UUID.randomUUID().toString(), "Observer"))) {
            assertThat(observer.join().members())
                    .as("nothing reached the group")
                    .extracting(User::name)
                    .containsExactly("Observer");
        }
    }

    @Test
    void aClientWithoutSecurityStillTalksToAPlainGroup() throws Exception {
        GroupInfo listed = listedByASecureRegistry();
        try (GroupClient client =
                GroupClient.forListed(null, listed, alice, ClientOptions.DEFAULT, aliceKeys, false, null)) {
            client.join();
            assertThat(client.send("hello in the clear").seq()).isEqualTo(1);
        }
    }
}
