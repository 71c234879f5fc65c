package org.groupchat.testing;

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
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;

/**
 * Replies for fuzzing clients, the server fuzz turned around: for the request at hand, a reply that fits it (with
 * hostile but valid text: control and bidi characters, emoji, long lines), an error reply, or one of those mutated
 * (a field dropped, retyped or set to an extreme, a nested field changed, bytes flipped or cut), random JSON, random
 * bytes, several frames, or no reply at all.
 */
public final class FuzzedReplies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] NASTY = {
        "\u001b]0;pwned\u0007",
        "\u001b[2J",
        "\u009b31m",
        "\u202eevil\u202c",
        "\r",
        "\u0000",
        "\u007f",
        "\u2066x\u2069",
        "\u200f",
        "\u2028",
        "\ud83d\ude00",
        "\n",
        "\t",
        "\\",
        "\""
    };

    private final Random random;
    private final String selfEndpoint;
    private final int noReplyOneIn;
    private boolean neverEmpty;

    /** {@code selfEndpoint}: where a generated LIST or LOOKUP sends the client next (the hostile server itself). */
    public FuzzedReplies(long seed, String selfEndpoint, int noReplyOneIn) {
        this.random = new Random(seed);
        this.selfEndpoint = selfEndpoint;
        this.noReplyOneIn = noReplyOneIn;
    }

    /** The frames to answer {@code request} with (null: it was not JSON); empty: no reply. */
    public List<byte[]> answer(JsonNode request) {
        int kind = random.nextInt(100);
        if (noReplyOneIn > 0 && random.nextInt(noReplyOneIn) == 0) {
            return List.of();
        }
        if (kind < 3) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            return List.of(junk);
        }
        if (kind < 6) {
            return List.of(bytes(randomValue(3)));
        }
        if (kind < 8) {
            return List.of(bytes(fitting(request)), bytes(fitting(request)));
        }
        ObjectNode reply = kind < 18 ? failure() : fitting(request);
        if (kind < 40) {
            return List.of(bytes(reply));
        }
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            mutate(reply);
        }
        byte[] frame = bytes(reply);
        return switch (random.nextInt(8)) {
            case 0 -> List.of(flipOneByte(frame));
            case 1 -> List.of(Arrays.copyOf(frame, random.nextInt(frame.length + 1)));
            default -> List.of(frame);
        };
    }

    /** A success reply that fits the request, with at least one message in a page: for a client that keeps polling. */
    public List<byte[]> fittingWithMessages(JsonNode request) {
        neverEmpty = true;
        try {
            return List.of(bytes(fitting(request)));
        } finally {
            neverEmpty = false;
        }
    }

    /** A success reply that fits the request, as a real server could send it. */
    private ObjectNode fitting(JsonNode request) {
        String op = request == null ? "" : request.path("op").asText();
        ObjectNode reply = NODES.objectNode().put("ok", true);
        switch (op) {
            case "PING" ->
                reply.put("role", random.nextBoolean() ? "group" : "registry")
                        .put("version", "0.1.0")
                        .put("protocol", 1);
            case "REGISTER" -> reply.put("leaseMs", 6_000);
            case "LIST" -> {
                ArrayNode groups = reply.putArray("groups");
                for (int i = random.nextInt(4); i > 0; i--) {
                    groups.add(group(name()));
                }
            }
            case "LOOKUP" ->
                reply.set("group", group(request.path("name").asText("Alpha").strip()));
            case "JOIN" -> {
                reply.put("lastSeq", random.nextInt(1_000));
                ArrayNode members = reply.putArray("members");
                for (int i = random.nextInt(4); i > 0; i--) {
                    members.add(user());
                }
            }
            case "SEND" ->
                reply.set(
                        "message",
                        message(
                                1 + random.nextInt(100),
                                request.path("id").asText(),
                                request.path("text").asText("x")));
            case "FETCH", "BEFORE" -> {
                int limit = request.path("limit").asInt(100);
                long first = op.equals("FETCH") ? request.path("afterSeq").asLong(0) + 1 : 1;
                long beforeSeq = request.path("beforeSeq").asLong(Long.MAX_VALUE);
                ArrayNode messages = reply.putArray("messages");
                long seq = first;
                int count =
                        neverEmpty ? 1 + random.nextInt(Math.min(limit, 5)) : random.nextInt(Math.min(limit, 5) + 1);
                for (int i = count; i > 0 && seq < beforeSeq; i--) {
                    messages.add(message(seq, UUID.randomUUID().toString(), text()));
                    seq += 1 + random.nextInt(2);
                }
                if (op.equals("FETCH")) {
                    reply.put("lastSeq", seq + random.nextInt(3));
                }
                reply.put("more", !messages.isEmpty() && random.nextInt(10) == 0);
            }
            case "MEMBERS" -> {
                ArrayNode members = reply.putArray("members");
                for (int i = random.nextInt(4); i > 0; i--) {
                    members.add(user().put("online", random.nextBoolean()));
                }
            }
            default -> {}
        }
        return reply;
    }

    private ObjectNode failure() {
        ErrorCode code = ErrorCode.values()[random.nextInt(ErrorCode.values().length)];
        ObjectNode error = NODES.objectNode().put("code", code.name()).put("message", text());
        if (code == ErrorCode.RATE_LIMITED) {
            error.put("retryAfterMs", random.nextInt(50));
        }
        ObjectNode reply = NODES.objectNode().put("ok", false);
        reply.set("error", error);
        return reply;
    }

    private ObjectNode group(String name) {
        return NODES.objectNode()
                .put("name", name)
                .put("endpoint", selfEndpoint)
                .put("members", random.nextInt(10))
                .put("online", random.nextInt(10))
                .put("lastSeq", random.nextInt(1_000))
                .put("since", 1_763_700_000_000L);
    }

    private ObjectNode message(long seq, String id, String text) {
        ObjectNode message = NODES.objectNode().put("seq", seq).put("id", id).put("ts", 1_763_700_000_000L + seq);
        message.set("sender", user());
        return message.put("text", text);
    }

    private ObjectNode user() {
        return NODES.objectNode().put("id", UUID.randomUUID().toString()).put("name", name());
    }

    /** A valid name (1..64 characters, no control characters) that may hold bidi controls and emoji. */
    private String name() {
        String name = "N" + random.nextInt(100)
                + pick(new String[] {"", "\u202eevil", "\ud83d\ude00", "\u2066x\u2069", " x"});
        return name.strip();
    }

    /** Text as stored by a server from before the control-character rule: anything goes. */
    private String text() {
        StringBuilder text = new StringBuilder("t");
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(pick(NASTY)).append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private void mutate(JsonNode node) {
        ObjectNode target = (ObjectNode) pickObject(node);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            target.set("ok", randomValue(1));
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> target.remove(name);
            case 1 -> target.set(name, randomValue(2));
            case 2 -> target.set(name, extreme());
            case 3 -> target.put(name, "x".repeat(random.nextBoolean() ? 100_000 : 65));
            default ->
                target.set(
                        pick(new String[] {"ok", "error", "messages", "lastSeq", "more", "members", "groups"}),
                        randomValue(2));
        }
    }

    /** The reply itself or an object nested in it (an error, a message, a sender, a group). */
    private JsonNode pickObject(JsonNode node) {
        List<JsonNode> objects = new ArrayList<>();
        collect(node, objects);
        return objects.get(random.nextInt(objects.size()));
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isObject()) {
            into.add(node);
        }
        node.elements().forEachRemaining(child -> collect(child, into));
    }

    private JsonNode extreme() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(-1);
            case 1 -> NODES.numberNode(1_000_000_000_000_000_000L);
            case 2 -> NODES.numberNode(Long.MIN_VALUE);
            case 3 -> NODES.numberNode(new BigInteger("123456789012345678901234567890"));
            case 4 -> NODES.numberNode(2.5);
            case 5 -> NODES.textNode(pick(NASTY));
            default -> NODES.numberNode(9_007_199_254_740_992L);
        };
    }

    private JsonNode randomValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 8 : 6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e12);
            case 4 -> NODES.textNode(text());
            case 5 -> NODES.textNode(UUID.randomUUID().toString());
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(new String[] {"ok", "seq", "name", "id", "text", "code"}), randomValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private byte[] flipOneByte(byte[] frame) {
        if (frame.length > 0) {
            frame[random.nextInt(frame.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return frame;
    }

    private static byte[] bytes(JsonNode node) {
        return new String(Json.write(node), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
