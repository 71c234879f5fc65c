package org.groupchat.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.RegistryClient;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry with CURVE on: groups announce their keys, only trusted group servers register, leases are their own. */
class SecureRegistryTest {
    @TempDir
    Path dataDir;

    private final CurveKeyPair registryKeys = CurveKeyPair.generate();
    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private final CurveKeyPair userKeys = CurveKeyPair.generate();
    private RegistryServer registry;
    private GroupServer group;

    @AfterEach
    void stop() {
        if (group != null) {
            group.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private void startRegistry(ServerSecurity security) {
        registry =
                new RegistryServer(RegistryConfig.bindingTo(TestGroups.ANY_PORT).withSecurity(security));
        registry.start();
    }

    private GroupServer startGroup(String name) {
        GroupServerConfig config = GroupServerConfig.of(
                        name, TestGroups.ANY_PORT, registry.boundEndpoint().toString())
                .withHeartbeatMs(200)
                .withSecurity(ServerSecurity.withKeys(groupKeys))
                .withRegistryKey(registryKeys.publicKey());
        group = TestGroups.group(config, dataDir);
        return group;
    }

    private RegistryClient user() {
        return new RegistryClient(
                null,
                registry.boundEndpoint().toString(),
                ClientOptions.DEFAULT,
                new ClientKeys(registryKeys.publicKey(), userKeys));
    }

    private RawRequester raw(CurveKeyPair own) {
        return new RawRequester(registry.boundEndpoint().toString(), new ClientKeys(registryKeys.publicKey(), own));
    }

    @Test
    void listCarriesEachSecureGroupsPublicKey() throws Exception {
        startRegistry(ServerSecurity.withKeys(registryKeys));
        startGroup("Secret Club");
        assertThat(group.registration().get(10, TimeUnit.SECONDS)).isNull();

        try (RegistryClient client = user()) {
            assertThat(client.list())
                    .extracting(GroupInfo::name, GroupInfo::publicKey)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Secret Club", groupKeys.publicKey()));
            assertThat(client.lookup("secret club").publicKey()).isEqualTo(groupKeys.publicKey());
        }
    }

    @Test
    void aGroupWithoutSecurityIsListedWithoutAKey() {
        startRegistry(null);
        try (RawRequester client = new RawRequester(registry.boundEndpoint().toString())) {
            assertOk(client.send(
                    "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Open\",\"endpoint\":\"tcp://127.0.0.1:5561\"}}"));
            JsonNode open =
                    assertOk(client.send("{\"op\":\"LIST\"}")).path("groups").get(0);
            assertThat(open.has("publicKey")).as("publicKey in %s", open).isFalse();
        }
    }

    @Test
    void onlyGroupServersOnTheAllowListRegister() throws Exception {
        Path trusted = dataDir.resolve("groups.allow");
        Files.writeString(trusted, CurveKeyPair.generate().publicKey() + " the only trusted group server\n");
        startRegistry(ServerSecurity.withKeys(registryKeys).withAllowList(AllowList.load(trusted)));
        startGroup("Rogue");

        assertThat(group.registration().get(10, TimeUnit.SECONDS))
                .contains("UNAUTHORIZED")
                .contains(PublicKeys.fingerprint(groupKeys.publicKey()));
        try (RegistryClient client = user()) {
            assertThat(client.list()).isEmpty();
        }
    }

    @Test
    void aSecureRegistryRefusesAGroupThatDoesNotRunCurveEvenWithoutAnAllowList() throws Exception {
        startRegistry(ServerSecurity.withKeys(registryKeys));
        try (RawRequester anyUser = raw(userKeys)) {
            assertThat(assertError(
                                    anyUser.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"Plain\","
                                            + "\"endpoint\":\"tcp://127.0.0.1:5561\"}}"),
                                    "UNAUTHORIZED")
                            .path("error")
                            .path("message")
                            .asText())
                    .contains("lists only groups that run CURVE");
        }
        group = TestGroups.group(
                GroupServerConfig.of(
                                "Plain",
                                TestGroups.ANY_PORT,
                                registry.boundEndpoint().toString())
                        .withHeartbeatMs(200)
                        .withRegistryKey(registryKeys.publicKey()),
                dataDir);
        assertThat(group.registration().get(10, TimeUnit.SECONDS))
                .contains("UNAUTHORIZED")
                .contains("--secure");
        try (RegistryClient client = user()) {
            assertThat(client.list()).isEmpty();
        }
    }

    @Test
    void aGroupCanAnnounceOnlyTheKeyItAuthenticatedWith() {
        startRegistry(ServerSecurity.withKeys(registryKeys));
        try (RawRequester impostor = raw(CurveKeyPair.generate())) {
            assertError(
                    impostor.send(
                            "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Bank\",\"endpoint\":\"tcp://127.0.0.1:5561\","
                                    + "\"publicKey\":\"" + groupKeys.publicKey() + "\"}}"),
                    "UNAUTHORIZED");
            assertError(
                    impostor.send(
                            "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Bank\",\"endpoint\":\"tcp://127.0.0.1:5561\","
                                    + "\"publicKey\":\"not a key\"}}"),
                    "BAD_REQUEST");
        }
    }

    @Test
    void onlyTheGroupThatRegisteredMayUnregister() {
        startRegistry(ServerSecurity.withKeys(registryKeys));
        String register = "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Bank\",\"endpoint\":\"tcp://127.0.0.1:5561\","
                + "\"publicKey\":\"" + groupKeys.publicKey() + "\"}}";
        try (RawRequester owner = raw(groupKeys);
                RawRequester vandal = raw(CurveKeyPair.generate())) {
            assertOk(owner.send(register));

            assertError(vandal.send("{\"op\":\"UNREGISTER\",\"name\":\"Bank\"}"), "UNAUTHORIZED");
            assertThat(assertOk(vandal.send("{\"op\":\"LIST\"}")).path("groups"))
                    .hasSize(1);

            assertOk(owner.send("{\"op\":\"UNREGISTER\",\"name\":\"Bank\"}"));
            assertThat(assertOk(vandal.send("{\"op\":\"LIST\"}")).path("groups"))
                    .isEmpty();
        }
    }
}
