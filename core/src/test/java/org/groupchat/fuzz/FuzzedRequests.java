package org.groupchat.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.groupchat.protocol.Json;

/**
 * Request frames for fuzzing: random bytes, random JSON, and valid requests of every op mutated in one or more
 * ways (a field dropped or retyped, the op changed, bytes flipped or cut). Valid ones use the given user id.
 */
final class FuzzedRequests {
    static final String PROTECTED_GROUP = "Protected";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] OPS = {
        "PING", "REGISTER", "UNREGISTER", "LIST", "LOOKUP", "JOIN", "LEAVE", "SEND", "FETCH", "BEFORE", "MEMBERS"
    };

    private FuzzedRequests() {}

    static Arbitrary<byte[]> frames(String userId) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(seed -> bytes(randomValue(new Random(seed), 3)))),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().map(seed -> mutatedValid(new Random(seed), userId))));
    }

    private static byte[] mutatedValid(Random random, String userId) {
        ObjectNode request = valid(OPS[random.nextInt(OPS.length)], random, userId);
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(request, random);
        }
        byte[] frame = bytes(request);
        return switch (random.nextInt(10)) {
            case 0 -> flipOneByte(frame, random);
            case 1 -> Arrays.copyOf(frame, random.nextInt(frame.length + 1));
            default -> frame;
        };
    }

    static ObjectNode valid(String op, Random random, String userId) {
        ObjectNode request = NODES.objectNode().put("op", op);
        ObjectNode user = NODES.objectNode()
                .put("id", random.nextBoolean() ? userId : UUID.randomUUID().toString());
        switch (op) {
            case "REGISTER" -> {
                // Sometimes the protected group's name: its lease must stay where it is (NAME_TAKEN).
                String name = random.nextInt(10) == 0 ? PROTECTED_GROUP : "fuzz-" + random.nextInt(50);
                request.putObject("group")
                        .put("name", name)
                        .put("endpoint", "tcp://127.0.0.1:" + (6000 + random.nextInt(50)));
                request.putObject("stats")
                        .put("members", random.nextInt(10))
                        .put("online", random.nextInt(10))
                        .put("lastSeq", random.nextInt(100));
            }
            case "UNREGISTER", "LOOKUP" -> request.put("name", "fuzz-" + random.nextInt(50));
            case "JOIN" -> request.set("user", user.put("name", "Fuzzer " + random.nextInt(100)));
            case "LEAVE", "MEMBERS" -> request.set("user", user);
            case "SEND" -> {
                request.set("user", user);
                request.put("id", UUID.randomUUID().toString()).put("text", "fuzz " + random.nextInt());
            }
            case "FETCH" -> {
                request.set("user", user);
                if (random.nextBoolean()) {
                    request.put("afterSeq", random.nextInt(1_000));
                } else {
                    request.put("since", System.currentTimeMillis() - random.nextInt(100_000));
                }
                request.put("limit", 1 + random.nextInt(500)).put("waitMs", random.nextInt(2) * 100);
            }
            case "BEFORE" -> {
                request.set("user", user);
                request.put("beforeSeq", random.nextInt(1_000)).put("limit", 1 + random.nextInt(500));
            }
            default -> {}
        }
        return request;
    }

    private static void mutate(ObjectNode request, Random random) {
        List<String> names = new ArrayList<>();
        request.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            request.put("op", OPS[random.nextInt(OPS.length)]);
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> request.remove(name);
            case 1 -> request.set(name, randomValue(random, 2));
            case 2 -> request.put("op", random.nextBoolean() ? OPS[random.nextInt(OPS.length)] : randomString(random));
            case 3 -> {
                JsonNode inner = request.get(name);
                if (inner instanceof ObjectNode object && object.size() > 0) {
                    String innerName = object.fieldNames().next();
                    object.set(innerName, randomValue(random, 1));
                }
            }
            default -> request.set(randomString(random), randomValue(random, 2));
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e12);
            case 4 -> NODES.textNode(randomString(random));
            case 5 -> NODES.textNode("x".repeat(random.nextInt(40_000)));
            case 6 -> NODES.numberNode(new BigInteger(130, random));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomString(random), randomValue(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            int kind = random.nextInt(4);
            text.appendCodePoint(
                    kind == 0
                            ? random.nextInt(32)
                            : kind == 1 ? 0x1F600 + random.nextInt(50) : 'a' + random.nextInt(26));
        }
        return text.toString();
    }

    private static byte[] flipOneByte(byte[] frame, Random random) {
        if (frame.length > 0) {
            frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return frame;
    }

    private static byte[] bytes(JsonNode node) {
        return new String(Json.write(node), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
