package org.groupchat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.groupchat.client.GroupClient;
import org.groupchat.client.RegistryClient;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.User;
import org.groupchat.registry.RegistryServer;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/PROTOCOL.md is what other people write clients from: every example request in it, sent to a real server,
 * gets a reply of the documented shape (same keys at every level, same value types, same ok, same error code).
 */
class ProtocolDocExamplesTest {
    private static final Set<String> REGISTRY_OPS = Set.of("REGISTER", "UNREGISTER", "LIST", "LOOKUP");
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");
    private static final User BOB = new User("22222222-2222-4222-8222-222222222222", "Bob");

    @TempDir
    Path dataDir;

    record Example(int line, JsonNode request, JsonNode reply) {}

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyExampleRequestGetsAReplyOfTheDocumentedShape(TestStore store) throws IOException {
        List<Example> examples = examples(Path.of("..", "docs", "PROTOCOL.md"));
        assertThat(examples)
                .extracting(e -> e.request().path("op").asText())
                .as("ops with an example in PROTOCOL.md")
                .contains(
                        "REGISTER",
                        "UNREGISTER",
                        "LIST",
                        "LOOKUP",
                        "JOIN",
                        "LEAVE",
                        "SEND",
                        "FETCH",
                        "BEFORE",
                        "MEMBERS",
                        "SEARCH");

        store.reset();
        RegistryServer registry = TestGroups.registry(60_000);
        GroupServer group = TestGroups.group(
                GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null)
                        .withLimits(GroupLimits.UNLIMITED_SENDS.withMaxParkedPolls(0)),
                dataDir,
                store);
        List<String> mismatches = new ArrayList<>();
        try (RawRequester toRegistry = new RawRequester(registry.boundEndpoint().toString());
                RawRequester toGroup = new RawRequester(group.boundEndpoint().toString())) {
            fillHistory(group);
            for (Example example : examples) {
                restoreDocumentedState(registry, group);
                String op = example.request().path("op").asText();
                boolean forRegistry = REGISTRY_OPS.contains(op)
                        || (op.equals("PING")
                                && example.reply().path("role").asText().equals("registry"));
                JsonNode actual = (forRegistry ? toRegistry : toGroup).send(Json.write(example.request()));
                String difference = shapeDifference(example.reply(), actual, "");
                if (difference != null) {
                    mismatches.add("PROTOCOL.md line " + example.line() + " " + op + ": " + difference
                            + "\n    documented: " + example.reply() + "\n    actual:     " + actual);
                }
            }
        } finally {
            group.close();
            registry.close();
        }
        assertThat(mismatches)
                .as("examples whose reply differs from the server's")
                .isEmpty();
    }

    private static void fillHistory(GroupServer group) {
        try (GroupClient alice = new GroupClient(group.boundEndpoint().toString(), ALICE)) {
            alice.join();
            for (int i = 0; i < 42; i++) {
                alice.send("message " + i);
            }
        }
    }

    /** What the examples assume before each one: Alice and Bob in "Cool Group"; "Cool Group" and "Lobby" registered. */
    private static void restoreDocumentedState(RegistryServer registry, GroupServer group) {
        try (GroupClient alice = new GroupClient(group.boundEndpoint().toString(), ALICE);
                GroupClient bob = new GroupClient(group.boundEndpoint().toString(), BOB);
                RegistryClient registryClient =
                        new RegistryClient(registry.boundEndpoint().toString())) {
            alice.join();
            bob.join();
            registryClient.register("Cool Group", "tcp://chat.example.lan:5560", new GroupStats(2, 1, 42));
            registryClient.register("Lobby", "tcp://lobby.example.lan:5561", new GroupStats(3, 2, 17));
        }
    }

    /** Request/reply pairs: a line with an "op" in a json block, and the line after it. */
    static List<Example> examples(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        List<Example> examples = new ArrayList<>();
        boolean inJson = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```")) {
                inJson = !inJson && line.equals("```json");
                continue;
            }
            if (inJson
                    && line.startsWith("{\"op\"")
                    && i + 1 < lines.size()
                    && lines.get(i + 1).strip().startsWith("{\"ok\"")) {
                examples.add(new Example(
                        i + 1,
                        Json.mapper().readTree(line),
                        Json.mapper().readTree(lines.get(i + 1).strip())));
            }
        }
        return examples;
    }

    /** Null when {@code actual} has the shape of {@code documented}; otherwise where and how it differs. */
    static String shapeDifference(JsonNode documented, JsonNode actual, String path) {
        if (documented.getNodeType() != actual.getNodeType()) {
            return (path.isEmpty() ? "the reply" : path) + " is " + actual.getNodeType() + ", documented "
                    + documented.getNodeType();
        }
        if (documented.isObject()) {
            Set<String> documentedKeys = keys(documented);
            Set<String> actualKeys = keys(actual);
            if (!documentedKeys.equals(actualKeys)) {
                return (path.isEmpty() ? "the reply" : path) + " has keys " + actualKeys + ", documented "
                        + documentedKeys;
            }
            for (String key : documentedKeys) {
                String inner =
                        shapeDifference(documented.get(key), actual.get(key), path.isEmpty() ? key : path + "." + key);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (documented.isArray() && documented.size() > 0 && actual.size() > 0) {
            return shapeDifference(documented.get(0), actual.get(0), path + "[0]");
        } else if (documented.isBoolean() && path.equals("ok") && documented.asBoolean() != actual.asBoolean()) {
            return "ok is " + actual.asBoolean() + ", documented " + documented.asBoolean();
        } else if (path.equals("error.code") && !documented.asText().equals(actual.asText())) {
            return "error code is " + actual.asText() + ", documented " + documented.asText();
        }
        return null;
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }
}
