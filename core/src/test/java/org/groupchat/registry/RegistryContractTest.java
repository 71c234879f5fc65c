package org.groupchat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's side of the contract, over a real socket, as a third-party client sends it. */
class RegistryContractTest {
    private static final String REGISTER_LOBBY = """
            {"op":"REGISTER","group":{"name":"Lobby","endpoint":"tcp://127.0.0.1:5561"},"stats":{"members":3,"online":2,"lastSeq":17}}""";

    private RegistryServer registry;
    private RawRequester client;

    @BeforeEach
    void start() {
        registry = TestGroups.registry(1_000);
        client = new RawRequester(registry.boundEndpoint().toString());
    }

    @AfterEach
    void stop() {
        client.close();
        registry.close();
    }

    @Test
    void pingSaysRegistryAndProtocolOne() {
        JsonNode reply = assertOk(client.send("{\"op\":\"PING\"}"));
        assertThat(reply.path("role").asText()).isEqualTo("registry");
        assertThat(reply.path("protocol").asInt()).isEqualTo(1);
        assertThat(reply.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(reply.path("features")).extracting(JsonNode::asText).containsExactly("register-epoch");
    }

    @Test
    void registeredGroupIsListedWithItsHeartbeatFigures() {
        JsonNode registered = assertOk(client.send(REGISTER_LOBBY));
        assertThat(registered.path("leaseMs").asLong()).isEqualTo(1_000);

        JsonNode groups = assertOk(client.send("{\"op\":\"LIST\"}")).path("groups");
        assertThat(groups).hasSize(1);
        JsonNode lobby = groups.get(0);
        assertThat(lobby.path("name").asText()).isEqualTo("Lobby");
        assertThat(lobby.path("endpoint").asText()).isEqualTo("tcp://127.0.0.1:5561");
        assertThat(lobby.path("members").asInt()).isEqualTo(3);
        assertThat(lobby.path("online").asInt()).isEqualTo(2);
        assertThat(lobby.path("lastSeq").asLong()).isEqualTo(17);
        assertThat(lobby.path("since").asLong()).isPositive();
    }

    @Test
    void aNewerEpochTakesTheNameOverAtOnceAndAnOlderOneIsRefused() {
        String first =
                "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Lobby\",\"endpoint\":\"tcp://10.0.0.1:5561\"},\"epoch\":4}";
        String second =
                "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Lobby\",\"endpoint\":\"tcp://10.0.0.2:5561\"},\"epoch\":5}";
        assertOk(client.send(first));
        assertOk(client.send(second));
        assertThat(assertOk(client.send("{\"op\":\"LOOKUP\",\"name\":\"Lobby\"}"))
                        .path("group")
                        .path("endpoint")
                        .asText())
                .isEqualTo("tcp://10.0.0.2:5561");

        JsonNode refused = assertError(client.send(first), "NAME_TAKEN");
        assertThat(refused.path("error").path("message").asText()).contains("moved to tcp://10.0.0.2:5561");
        // A v1 REGISTER, without an epoch, meets the lease as ever: refused while another endpoint holds the name.
        assertError(client.send(REGISTER_LOBBY), "NAME_TAKEN");
        assertThat(assertOk(client.send("{\"op\":\"LIST\"}")).path("groups").findValuesAsText("endpoint"))
                .containsExactly("tcp://10.0.0.2:5561");
        assertError(client.send(second.replace("\"epoch\":5", "\"epoch\":0")), "BAD_REQUEST");
    }

    @Test
    void everyListShowsTheLatestHeartbeatAndEveryChangeOfTheGroupsSinceTheLastList() {
        assertOk(client.send(REGISTER_LOBBY));
        assertThat(assertOk(client.send("{\"op\":\"LIST\"}"))
                        .path("groups")
                        .get(0)
                        .path("lastSeq")
                        .asLong())
                .isEqualTo(17);
        assertOk(client.send(REGISTER_LOBBY.replace("\"lastSeq\":17", "\"lastSeq\":18")));
        assertThat(assertOk(client.send("{\"op\":\"LIST\"}"))
                        .path("groups")
                        .get(0)
                        .path("lastSeq")
                        .asLong())
                .isEqualTo(18);
        assertOk(client.send(
                "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Attic\",\"endpoint\":\"tcp://127.0.0.1:6001\"}}"));
        assertThat(assertOk(client.send("{\"op\":\"LIST\"}")).path("groups").findValuesAsText("name"))
                .containsExactly("Attic", "Lobby");
        assertOk(client.send("{\"op\":\"UNREGISTER\",\"name\":\"Attic\"}"));
        assertThat(assertOk(client.send("{\"op\":\"LIST\"}")).path("groups").findValuesAsText("name"))
                .containsExactly("Lobby");
    }

    @Test
    void listIsInNameOrderIgnoringCase() {
        for (String name : new String[] {"lobby two", "Zebra", "apple", "Lobby"}) {
            assertOk(client.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"" + name
                    + "\",\"endpoint\":\"tcp://127.0.0.1:" + (6000 + name.length()) + "\"}}"));
        }

        JsonNode groups = assertOk(client.send("{\"op\":\"LIST\"}")).path("groups");
        assertThat(groups.findValuesAsText("name")).containsExactly("apple", "Lobby", "lobby two", "Zebra");
    }

    @Test
    void registerIsIdempotentAndKeepsSince() {
        long since = assertOk(client.send(REGISTER_LOBBY)).path("leaseMs").asLong();
        assertThat(since).isPositive();
        long firstSince = assertOk(client.send("{\"op\":\"LIST\"}"))
                .path("groups")
                .get(0)
                .path("since")
                .asLong();
        assertOk(client.send(REGISTER_LOBBY));
        JsonNode groups = assertOk(client.send("{\"op\":\"LIST\"}")).path("groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).path("since").asLong()).isEqualTo(firstSince);
    }

    @Test
    void nameHeldByAnotherEndpointIsTaken() {
        assertOk(client.send(REGISTER_LOBBY));
        assertError(
                client.send(
                        "{\"op\":\"REGISTER\",\"group\":{\"name\":\"lobby\",\"endpoint\":\"tcp://127.0.0.1:6000\"}}"),
                "NAME_TAKEN");
    }

    @Test
    void leaseExpiresWithoutHeartbeatsAndTheNameIsFreeAgain() {
        assertOk(client.send(REGISTER_LOBBY));
        await().atMost(Duration.ofSeconds(3))
                .until(() -> client.send("{\"op\":\"LIST\"}").path("groups").isEmpty());
        assertOk(client.send(
                "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Lobby\",\"endpoint\":\"tcp://127.0.0.1:6000\"}}"));
    }

    @Test
    void unregisterRemovesTheGroupAndIsIdempotent() {
        assertOk(client.send(REGISTER_LOBBY));
        assertOk(client.send("{\"op\":\"UNREGISTER\",\"name\":\"Lobby\"}"));
        assertOk(client.send("{\"op\":\"UNREGISTER\",\"name\":\"Lobby\"}"));
        assertThat(client.send("{\"op\":\"LIST\"}").path("groups")).isEmpty();
    }

    @Test
    void unregisterWithAnotherEndpointLeavesTheHoldersLease() {
        assertOk(client.send(REGISTER_LOBBY));
        assertOk(client.send("{\"op\":\"UNREGISTER\",\"name\":\"Lobby\",\"endpoint\":\"tcp://127.0.0.1:6000\"}"));
        assertThat(client.send("{\"op\":\"LIST\"}").path("groups")).hasSize(1);
        assertOk(client.send("{\"op\":\"UNREGISTER\",\"name\":\"Lobby\",\"endpoint\":\"tcp://127.0.0.1:5561\"}"));
        assertThat(client.send("{\"op\":\"LIST\"}").path("groups")).isEmpty();
    }

    @Test
    void lookupFindsALiveGroupByNameOrSaysUnknownGroup() {
        assertOk(client.send(REGISTER_LOBBY));
        assertThat(assertOk(client.send("{\"op\":\"LOOKUP\",\"name\":\"LOBBY\"}"))
                        .path("group")
                        .path("endpoint")
                        .asText())
                .isEqualTo("tcp://127.0.0.1:5561");
        assertError(client.send("{\"op\":\"LOOKUP\",\"name\":\"Nowhere\"}"), "UNKNOWN_GROUP");
    }

    @Test
    void badRegistrationsAreRefusedWithBadRequest() {
        assertError(client.send("{\"op\":\"REGISTER\"}"), "BAD_REQUEST");
        assertError(
                client.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"\",\"endpoint\":\"tcp://127.0.0.1:1\"}}"),
                "BAD_REQUEST");
        assertError(
                client.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"" + "x".repeat(65)
                        + "\",\"endpoint\":\"tcp://h:1\"}}"),
                "BAD_REQUEST");
        assertError(
                client.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"A\",\"endpoint\":\"http://h:1\"}}"),
                "BAD_REQUEST");
        assertError(
                client.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"A\",\"endpoint\":\"tcp://*:5560\"}}"),
                "BAD_REQUEST");
        assertError(
                client.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"A\",\"endpoint\":\"tcp://chat.example:*\"}}"),
                "BAD_REQUEST");
        assertError(
                client.send(
                        "{\"op\":\"REGISTER\",\"group\":{\"name\":\"A\",\"endpoint\":\"tcp://h:1\"},\"stats\":{\"members\":-1}}"),
                "BAD_REQUEST");
        assertError(
                client.send(
                        "{\"op\":\"JOIN\",\"user\":{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"name\":\"a\"}}"),
                "BAD_REQUEST");
        assertThat(client.send("{\"op\":\"LIST\"}").path("groups")).isEmpty();
    }

    @Test
    void aFullRegistryRefusesNewGroupsWithTooLarge() {
        RegistryServer small =
                new RegistryServer(RegistryConfig.bindingTo(TestGroups.ANY_PORT).withMaxGroups(1));
        small.start();
        try (RawRequester raw = new RawRequester(small.boundEndpoint().toString())) {
            assertOk(raw.send(REGISTER_LOBBY));
            assertOk(raw.send(REGISTER_LOBBY));
            assertError(
                    raw.send(
                            "{\"op\":\"REGISTER\",\"group\":{\"name\":\"Other\",\"endpoint\":\"tcp://127.0.0.1:6000\"}}"),
                    "TOO_LARGE");
        } finally {
            small.close();
        }
    }
}
