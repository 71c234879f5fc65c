package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.testing.HostileServer;
import org.groupchat.transport.ConnectingSockets;
import org.junit.jupiter.api.Test;

/**
 * Replies no real server sends, from a server on a real socket: each ends the call at once, without a retry, in a
 * {@link ProtocolViolationException} that names the server and says its reply broke the protocol, in our words.
 */
class HostileRepliesTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");
    private static final ClientOptions PATIENT =
            ClientOptions.DEFAULT.withRetries(0).withTimeout(Duration.ofSeconds(30));
    private static final String MESSAGE =
            "{\"seq\":%d,\"id\":\"c0ffee00-0000-4000-8000-00000000000%d\",\"ts\":1763700000000,"
                    + "\"sender\":{\"id\":\"22222222-2222-4222-8222-222222222222\",\"name\":\"%s\"},\"text\":\"hi\"}";

    @Test
    void aReplyThatIsNotJsonIsTheServersFault() throws Exception {
        assertViolation("hello, I am not JSON", GroupClient::join, "its reply to JOIN is not JSON");
        assertViolation("", GroupClient::join, "its reply to JOIN is empty");
        assertViolation("[1,2]", GroupClient::join, "its reply to JOIN is not a JSON object");
        assertViolation("{\"ok\":\"yes\"}", GroupClient::join, "has no \"ok\"");
    }

    @Test
    void wrongTypesAreNamedByTheirFieldWithoutTheLibrarysWords() throws Exception {
        assertViolation(
                "{\"ok\":true,\"messages\":[],\"lastSeq\":\"x\",\"more\":false}",
                c -> c.fetchAfter(0, 10, 0),
                "its reply to FETCH has a missing or ill-typed field at \"lastSeq\"");
        assertViolation(
                "{\"ok\":true,\"lastSeq\":[],\"members\":{\"a\":1}}",
                GroupClient::join,
                "its reply to JOIN has a missing or ill-typed field");
        assertViolation(
                "{\"ok\":true,\"messages\":[{\"seq\":1}],\"lastSeq\":1,\"more\":false}",
                c -> c.fetchAfter(0, 10, 0),
                "at \"messages[0].id\"");
        assertViolation(
                "{\"ok\":true,\"messages\":[],\"more\":false}",
                c -> c.fetchAfter(0, 10, 0),
                "its reply to FETCH has a missing or ill-typed field at \"lastSeq\"");
    }

    @Test
    void valuesOutOfContractAreViolations() throws Exception {
        String page = "{\"ok\":true,\"messages\":[%s],\"lastSeq\":%d,\"more\":false}";
        assertViolation(page.formatted("", -1), c -> c.fetchAfter(0, 10, 0), "lastSeq -1, outside 0..9007199254740991");
        assertViolation(
                page.formatted("", 1_000_000_000_000_000_000L),
                c -> c.fetchAfter(0, 10, 0),
                "lastSeq 1000000000000000000");
        String three = String.join(
                ",", MESSAGE.formatted(1, 1, "Bob"), MESSAGE.formatted(2, 2, "Bob"), MESSAGE.formatted(3, 3, "Bob"));
        assertViolation(
                page.formatted(three, 3), c -> c.fetchAfter(0, 2, 0), "holds 3 messages; at most 2 were asked for");
        String backwards = String.join(",", MESSAGE.formatted(2, 2, "Bob"), MESSAGE.formatted(1, 1, "Bob"));
        assertViolation(page.formatted(backwards, 2), c -> c.fetchAfter(0, 10, 0), "out of seq order (1 after 2)");
        assertViolation(
                page.formatted(MESSAGE.formatted(3, 3, "Bob"), 3), c -> c.fetchAfter(5, 10, 0), "not after 5 as asked");
        assertViolation(
                page.formatted(MESSAGE.formatted(3, 3, "Bob"), 2), c -> c.fetchAfter(0, 10, 0), "after its lastSeq");
        assertViolation(
                page.formatted(MESSAGE.formatted(3, 3, "Bob\\u001b[2J"), 3),
                c -> c.fetchAfter(0, 10, 0),
                "invalid messages[0].sender.name");
        assertViolation(
                "{\"ok\":true,\"message\":" + MESSAGE.formatted(1, 1, "Bob") + "}",
                c -> c.send("hi"),
                "its reply to SEND holds another message than the one sent");
        assertViolation(
                "{\"ok\":true,\"messages\":[],\"lastSeq\":0,\"more\":false}",
                GroupClient::join,
                "its reply to JOIN has a missing or ill-typed field");
    }

    @Test
    void searchHitsOutOfContractAreViolations() throws Exception {
        String hits = "{\"ok\":true,\"hits\":[%s],\"more\":%s}";
        String oldestFirst = String.join(",", MESSAGE.formatted(1, 1, "Bob"), MESSAGE.formatted(2, 2, "Bob"));
        assertViolation(
                hits.formatted(oldestFirst, false),
                c -> c.search("hi", null, 10),
                "out of newest-first order (2 after 1)");
        String three = String.join(
                ",", MESSAGE.formatted(3, 3, "Bob"), MESSAGE.formatted(2, 2, "Bob"), MESSAGE.formatted(1, 1, "Bob"));
        assertViolation(
                hits.formatted(three, false),
                c -> c.search("hi", null, 2),
                "holds 3 messages; at most 2 were asked for");
        assertViolation(
                hits.formatted(MESSAGE.formatted(3, 3, "Bob"), false),
                c -> c.search("hi", 3L, 10),
                "not before 3 as asked");
        assertViolation(
                hits.formatted("", true), c -> c.search("hi", null, 10), "says there are more messages but holds none");
        assertViolation(
                "{\"ok\":true,\"more\":false}",
                c -> c.search("hi", null, 10),
                "its reply to SEARCH has a missing or ill-typed field");
    }

    @Test
    void errorRepliesOutOfContractAreViolationsAndGoodOnesStayRefusals() throws Exception {
        assertViolation("{\"ok\":false}", GroupClient::join, "a failure without an \"error\" object");
        assertViolation(
                "{\"ok\":false,\"error\":{\"code\":\"PWNED\",\"message\":\"x\"}}",
                GroupClient::join,
                "known error code");
        assertViolation(
                "{\"ok\":false,\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"x\",\"retryAfterMs\":1e18}}",
                c -> c.send("hi"),
                "retryAfterMs");
        try (HostileServer server =
                        answering("{\"ok\":false,\"error\":{\"code\":\"NOT_MEMBER\",\"message\":\"join first\"}}");
                GroupClient client = new GroupClient(server.endpoint(), ALICE)) {
            Throwable refused = catchThrowable(client::join);
            assertThat(refused).isExactlyInstanceOf(ServerErrorException.class).hasMessage("join first");
            assertThat(((ServerErrorException) refused).code()).isEqualTo(ErrorCode.NOT_MEMBER);
        }
    }

    @Test
    void aRegistryThatListsGarbageOrAnswersAnotherLookupBreaksTheProtocol() throws Exception {
        String group = "{\"name\":\"%s\",\"endpoint\":\"%s\",\"members\":1,\"online\":0,\"lastSeq\":%d,\"since\":0}";
        assertRegistryViolation(
                "{\"ok\":true,\"groups\":[" + group.formatted("x".repeat(100_000), "tcp://127.0.0.1:5560", 0) + "]}",
                RegistryClient::list,
                "invalid groups[0].name");
        assertRegistryViolation(
                "{\"ok\":true,\"groups\":[" + group.formatted("Alpha", "tcp://*:5560", 0) + "]}",
                RegistryClient::list,
                "endpoint clients cannot connect to");
        assertRegistryViolation(
                "{\"ok\":true,\"group\":" + group.formatted("Beta", "tcp://127.0.0.1:5560", 0) + "}",
                r -> r.lookup("Alpha"),
                "its reply to LOOKUP names another group");
        assertRegistryViolation(
                "{\"ok\":true,\"leaseMs\":-5}",
                r -> r.register("Alpha", "tcp://127.0.0.1:5560", GroupStats.EMPTY),
                "leaseMs -5");
        assertRegistryViolation(
                "{\"ok\":true,\"role\":\"\\u001b]0;x\",\"version\":\"1\",\"protocol\":1}",
                RegistryClient::ping,
                "its reply to PING has a role");
    }

    @Test
    void aReplyOfMoreThanOneFrameIsAViolation() throws Exception {
        byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        try (HostileServer server = new HostileServer(request -> List.of(ok, ok));
                GroupClient client = new GroupClient(server.endpoint(), ALICE)) {
            Throwable thrown = catchThrowable(client::leave);
            assertThat(thrown)
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessage("the server at " + server.endpoint()
                            + " broke the protocol: its reply is more than one frame");
        }
    }

    @Test
    void aReplyLargerThanTheLimitIsSaidToBeSoAtOnce() throws Exception {
        byte[] huge = new byte[(int) ConnectingSockets.MAX_FRAME_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        try (HostileServer server = new HostileServer(request -> List.of(huge));
                GroupClient client = new GroupClient(server.endpoint(), ALICE)) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(client::join);
            assertThat(thrown)
                    .isInstanceOf(ReplyTooLargeException.class)
                    .hasMessage(
                            "the server at " + server.endpoint()
                                    + " broke the protocol: it sent a reply of 67108865 bytes, larger than the limit of 67108864 bytes (64 MiB)");
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to fail").isLessThan(1_500);
            assertThat(server.replies()).isEqualTo(1);
        }
    }

    @Test
    void aReplyLargerThanTheLimitIsSaidToBeSoOverCurveToo() throws Exception {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        byte[] huge = new byte[(int) ConnectingSockets.MAX_FRAME_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        try (HostileServer server = new HostileServer(serverKeys, request -> List.of(huge));
                GroupClient client = new GroupClient(
                        null,
                        server.endpoint(),
                        ALICE,
                        PATIENT,
                        new ClientKeys(serverKeys.publicKey(), CurveKeyPair.generate()))) {
            long start = System.nanoTime();
            Throwable thrown = catchThrowable(client::join);
            assertThat(thrown).isInstanceOf(ReplyTooLargeException.class).hasMessageContaining("larger than the limit");
            // JeroMQ's CURVE, in Java, takes seconds to encrypt 64 MiB; the client knows as soon as the frame starts.
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("ms to fail")
                    .isLessThan(PATIENT.timeout().toMillis());
            assertThat(server.replies()).isEqualTo(1);
        }
    }

    @Test
    void aReplyOfThreeHundredKilobytesIsReadAndJudgedByItsContent() throws Exception {
        String name = "n".repeat(100_000);
        String page = "{\"ok\":true,\"messages\":["
                + String.join(
                        ",",
                        MESSAGE.formatted(1, 1, name),
                        MESSAGE.formatted(2, 2, name),
                        MESSAGE.formatted(3, 3, name))
                + "],\"lastSeq\":3,\"more\":false}";
        assertViolation(
                page,
                c -> c.fetchAfter(0, 10, 0),
                "has an invalid messages[0].sender.name: \"messages[0].sender.name\" is 100000 characters");
    }

    private static HostileServer answering(String reply) {
        byte[] frame = reply.getBytes(StandardCharsets.UTF_8);
        return new HostileServer(request -> List.of(frame));
    }

    @Test
    void eventFieldsOutOfContractAreViolations() throws Exception {
        String page = "{\"ok\":true,\"messages\":[%s],\"lastSeq\":3,\"more\":false}";
        String event = "{\"seq\":3,\"id\":\"c0ffee00-0000-4000-8000-000000000003\",\"ts\":1763700000000,"
                + "\"sender\":{\"id\":\"22222222-2222-4222-8222-222222222222\",\"name\":\"Bob\"},\"text\":\"hi\",%s}";
        assertViolation(
                page.formatted(event.formatted("\"kind\":\"edit\",\"target\":3")),
                c -> c.fetchAfter(0, 10, 0),
                "messages[0].target 3, outside 1..2");
        assertViolation(
                page.formatted(event.formatted("\"replyTo\":0")), c -> c.fetchAfter(0, 10, 0), "messages[0].replyTo 0");
        assertViolation(
                page.formatted(event.formatted("\"mentions\":[\"x\"]")),
                c -> c.fetchAfter(0, 10, 0),
                "messages[0].mentions[0] that is not a UUID");
        assertViolation("{\"ok\":true,\"readSeq\":-2}", c -> c.markRead(1), "readSeq -2");
    }

    private static void assertViolation(String reply, Consumer<GroupClient> call, String expected) throws Exception {
        try (HostileServer server = answering(reply);
                GroupClient client = new GroupClient(server.endpoint(), ALICE)) {
            assertAtOnce(server, () -> call.accept(client), expected);
        }
    }

    private static void assertRegistryViolation(String reply, Consumer<RegistryClient> call, String expected)
            throws Exception {
        try (HostileServer server = answering(reply);
                RegistryClient client = new RegistryClient(server.endpoint())) {
            assertAtOnce(server, () -> call.accept(client), expected);
        }
    }

    private static void assertAtOnce(HostileServer server, Runnable call, String expected) {
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown)
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageStartingWith("the server at " + server.endpoint() + " broke the protocol: its reply")
                .hasMessageContaining(expected)
                .hasMessageNotContainingAny("Cannot", "coerce", "Source", "reference chain", "jackson", "\u001b");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to fail").isLessThan(1_500);
        assertThat(server.replies()).as("requests the server got: no retry").isEqualTo(1);
    }
}
