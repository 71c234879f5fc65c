package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.groupchat.client.GroupClient;
import org.groupchat.client.RegistryClient;
import org.groupchat.protocol.User;
import org.groupchat.registry.RegistryServer;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.groupchat.transport.ConnectingSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The group server's side of the contract over a real socket and a real store; {@link GroupContractTest} runs it on each. */
abstract class GroupContract extends GroupServerTestBase {

    GroupContract(TestStore store) {
        super(store);
    }

    @Test
    void pingSaysGroup() {
        JsonNode reply = assertOk(raw.send("{\"op\":\"PING\"}"));
        assertThat(reply.path("role").asText()).isEqualTo("group");
        assertThat(reply.path("protocol").asInt()).isEqualTo(1);
    }

    @Test
    void joinAndFetchCarryTheHistoryIdAndPingListsTheFeature() {
        JsonNode ping = assertOk(raw.send("{\"op\":\"PING\"}"));
        assertThat(ping.path("features")).extracting(JsonNode::asText).contains("history-id");
        String historyId = assertOk(join(ALICE, "Alice")).path("historyId").asText();
        assertThat(historyId).isNotBlank();
        sendMany(ALICE, 2);
        assertThat(assertOk(fetch(ALICE, "")).path("historyId").asText()).isEqualTo(historyId);
        assertThat(assertOk(fetch(ALICE, ",\"afterSeq\":1")).path("historyId").asText())
                .isEqualTo(historyId);
    }

    @Test
    void joinListsMembersAndIsIdempotent() {
        JsonNode first = assertOk(join(ALICE, "Alice"));
        assertThat(first.path("lastSeq").asLong()).isZero();
        assertOk(join(ALICE, "Alice"));
        JsonNode reply = assertOk(join(BOB, "Bob"));
        assertThat(reply.path("members"))
                .extracting(m -> m.path("name").asText())
                .containsExactly("Alice", "Bob");
    }

    @Test
    void joinWithoutANameNeedsToBeKnown() {
        assertError(raw.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\"}}"), "BAD_REQUEST");
        assertOk(join(ALICE, "Alice"));
        assertOk(raw.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\"}}"));
    }

    @Test
    void sendIsStoredWithSenderAndServerTimestampAndSeqFromOne() {
        assertOk(join(ALICE, "Alice"));
        long before = System.currentTimeMillis();
        JsonNode message =
                assertOk(send(ALICE, UUID.randomUUID().toString(), "  hello  ")).path("message");
        assertThat(message.path("seq").asLong()).isEqualTo(1);
        assertThat(message.path("text").asText()).isEqualTo("hello");
        assertThat(message.path("sender").path("id").asText()).isEqualTo(ALICE);
        assertThat(message.path("sender").path("name").asText()).isEqualTo("Alice");
        assertThat(message.path("ts").asLong()).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void sendIsStoredOnceWhenRetriedWithSameId() {
        assertOk(join(ALICE, "Alice"));
        String id = UUID.randomUUID().toString();
        JsonNode first = assertOk(send(ALICE, id, "once")).path("message");
        JsonNode again = assertOk(send(ALICE, id, "once")).path("message");
        assertThat(again).isEqualTo(first);
        assertThat(fetch(ALICE, "").path("messages")).hasSize(1);
    }

    @Test
    void aReusedIdWithOtherTextGetsTheStoredMessageAndAnotherSendersReuseIsRefused() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        String id = UUID.randomUUID().toString();
        JsonNode first = assertOk(send(ALICE, id, "the original")).path("message");

        assertThat(assertOk(send(ALICE, id, "something else")).path("message")).isEqualTo(first);
        JsonNode refused = assertError(send(BOB, id, "the original"), "BAD_REQUEST");
        assertThat(refused.toString()).contains("another user's message").doesNotContain("\"seq\"");

        assertThat(fetch(ALICE, "").path("messages"))
                .extracting(m -> m.path("text").asText())
                .containsExactly("the original");
    }

    @Test
    void aRetriedSendIsAnsweredFromStorageEvenAfterTheSenderLeft() {
        assertOk(join(ALICE, "Alice"));
        String id = UUID.randomUUID().toString();
        JsonNode first = assertOk(send(ALICE, id, "said before leaving")).path("message");
        assertOk(raw.send("{\"op\":\"LEAVE\",\"user\":{\"id\":\"" + ALICE + "\"}}"));
        assertThat(assertOk(send(ALICE, id, "said before leaving")).path("message"))
                .isEqualTo(first);
        assertError(send(ALICE, UUID.randomUUID().toString(), "a new one"), "NOT_MEMBER");
    }

    @Test
    void onlyMembersMaySendOrRead() {
        assertError(send(BOB, UUID.randomUUID().toString(), "hi"), "NOT_MEMBER");
        assertError(fetch(BOB, ""), "NOT_MEMBER");
        assertError(raw.send("{\"op\":\"BEFORE\",\"user\":{\"id\":\"" + BOB + "\"},\"beforeSeq\":5}"), "NOT_MEMBER");
        assertError(raw.send("{\"op\":\"MEMBERS\",\"user\":{\"id\":\"" + BOB + "\"}}"), "NOT_MEMBER");
    }

    @Test
    void leaveEndsMembershipAndIsIdempotent() {
        assertOk(join(ALICE, "Alice"));
        assertOk(raw.send("{\"op\":\"LEAVE\",\"user\":{\"id\":\"" + ALICE + "\"}}"));
        assertOk(raw.send("{\"op\":\"LEAVE\",\"user\":{\"id\":\"" + ALICE + "\"}}"));
        assertError(send(ALICE, UUID.randomUUID().toString(), "hi"), "NOT_MEMBER");
    }

    @Test
    void emptyTextIsBadRequestAndOversizedTextIsTooLarge() {
        assertOk(join(ALICE, "Alice"));
        assertError(send(ALICE, UUID.randomUUID().toString(), "   "), "BAD_REQUEST");
        assertError(send(ALICE, UUID.randomUUID().toString(), "x".repeat(16_385)), "TOO_LARGE");
        assertOk(send(ALICE, UUID.randomUUID().toString(), "x".repeat(16_384)));
        assertThat(fetch(ALICE, "").path("messages")).hasSize(1);
    }

    @Test
    void controlCharactersOtherThanTabAndNewlineInTextAreBadRequestAndStoreNothing() {
        assertOk(join(ALICE, "Alice"));
        for (String control : List.of("\\u001b[2J", "\\u0007", "\\r", "\\u0000", "\\u007f", "\\u009b31m", "\\u0085")) {
            JsonNode refused = assertError(
                    send(ALICE, UUID.randomUUID().toString(), "hello " + control + " there"), "BAD_REQUEST");
            assertThat(refused.path("error").path("message").asText())
                    .startsWith("\"text\" must not contain control characters other than tab and newline (found U+");
        }
        assertThat(fetch(ALICE, "").path("messages")).isEmpty();
        JsonNode kept = assertOk(send(ALICE, UUID.randomUUID().toString(), "line one\\n\\tindented \\u202eand bidi"));
        assertThat(kept.path("message").path("text").asText()).isEqualTo("line one\n\tindented \u202eand bidi");
    }

    @Test
    void fetchAfterSeqPagesForwardWithMore() {
        assertOk(join(ALICE, "Alice"));
        sendMany(ALICE, 5);
        JsonNode page = assertOk(fetch(ALICE, ",\"afterSeq\":1,\"limit\":3"));
        assertThat(seqs(page.path("messages"))).containsExactly(2L, 3L, 4L);
        assertThat(page.path("more").asBoolean()).isTrue();
        assertThat(page.path("lastSeq").asLong()).isEqualTo(5);
        JsonNode rest = assertOk(fetch(ALICE, ",\"afterSeq\":4,\"limit\":3"));
        assertThat(seqs(rest.path("messages"))).containsExactly(5L);
        assertThat(rest.path("more").asBoolean()).isFalse();
    }

    @Test
    void fetchWithoutSelectorGivesTheNewestInOrder() {
        assertOk(join(ALICE, "Alice"));
        sendMany(ALICE, 5);
        JsonNode page = assertOk(fetch(ALICE, ",\"limit\":2"));
        assertThat(seqs(page.path("messages"))).containsExactly(4L, 5L);
        assertThat(page.path("more").asBoolean()).isTrue();
    }

    @Test
    void fetchSinceGivesMessagesFromThatMomentOn() throws Exception {
        assertOk(join(ALICE, "Alice"));
        sendMany(ALICE, 2);
        long cut = fetch(ALICE, "").path("messages").get(1).path("ts").asLong() + 1;
        await().until(() -> System.currentTimeMillis() > cut);
        sendMany(ALICE, 2);
        JsonNode page = assertOk(fetch(ALICE, ",\"since\":" + cut));
        assertThat(seqs(page.path("messages"))).containsExactly(3L, 4L);
        JsonNode afterWins = assertOk(fetch(ALICE, ",\"since\":" + cut + ",\"afterSeq\":0"));
        assertThat(seqs(afterWins.path("messages"))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void beforePagesBackwardThroughHistory() {
        assertOk(join(ALICE, "Alice"));
        sendMany(ALICE, 5);
        JsonNode page = assertOk(
                raw.send("{\"op\":\"BEFORE\",\"user\":{\"id\":\"" + ALICE + "\"},\"beforeSeq\":4,\"limit\":2}"));
        assertThat(seqs(page.path("messages"))).containsExactly(2L, 3L);
        assertThat(page.path("more").asBoolean()).isTrue();
        JsonNode first = assertOk(
                raw.send("{\"op\":\"BEFORE\",\"user\":{\"id\":\"" + ALICE + "\"},\"beforeSeq\":2,\"limit\":2}"));
        assertThat(seqs(first.path("messages"))).containsExactly(1L);
        assertThat(first.path("more").asBoolean()).isFalse();
        assertError(raw.send("{\"op\":\"BEFORE\",\"user\":{\"id\":\"" + ALICE + "\"}}"), "BAD_REQUEST");
    }

    @Test
    void outOfRangeFetchArgumentsAreBadRequest() {
        assertOk(join(ALICE, "Alice"));
        assertError(fetch(ALICE, ",\"limit\":0"), "BAD_REQUEST");
        assertError(fetch(ALICE, ",\"limit\":501"), "BAD_REQUEST");
        assertError(fetch(ALICE, ",\"waitMs\":30001"), "BAD_REQUEST");
        assertError(fetch(ALICE, ",\"afterSeq\":-1"), "BAD_REQUEST");
    }

    @Test
    void membersShowsWhoIsOnline() {
        assertOk(join(ALICE, "Alice"));
        JsonNode members = assertOk(raw.send("{\"op\":\"MEMBERS\",\"user\":{\"id\":\"" + ALICE + "\"}}"))
                .path("members");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("id").asText()).isEqualTo(ALICE);
        assertThat(members.get(0).path("online").asBoolean()).isTrue();
    }

    @Test
    void historyAndMembershipSurviveARestart() {
        assertOk(join(ALICE, "Alice"));
        assertOk(join(BOB, "Bob"));
        sendMany(ALICE, 3);
        raw.close();
        server.close();

        server = group(GroupServerConfig.of("Cool Group", TestGroups.ANY_PORT, null), dataDir);
        raw = new RawRequester(server.boundEndpoint().toString());
        JsonNode history = assertOk(fetch(BOB, "")).path("messages");
        assertThat(seqs(history)).containsExactly(1L, 2L, 3L);
        JsonNode afterRestart = assertOk(send(BOB, UUID.randomUUID().toString(), "after restart"))
                .path("message");
        assertThat(afterRestart.path("seq").asLong()).isEqualTo(4);
        assertThat(afterRestart.path("ts").asLong())
                .isGreaterThanOrEqualTo(history.get(2).path("ts").asLong());
    }

    @Test
    void groupRegistryOpsAreRefusedWithBadRequest() {
        assertError(raw.send("{\"op\":\"LIST\"}"), "BAD_REQUEST");
        assertError(
                raw.send("{\"op\":\"REGISTER\",\"group\":{\"name\":\"x\",\"endpoint\":\"tcp://h:1\"}}"), "BAD_REQUEST");
    }

    @Test
    void sendsBeyondTheRateAreRateLimitedWithRetryAfter(@TempDir Path otherDir) {
        GroupServer limited = rateLimitedGroup(1, 3, otherDir);
        try (RawRequester client = new RawRequester(limited.boundEndpoint().toString())) {
            assertOk(client.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\",\"name\":\"Alice\"}}"));
            List<JsonNode> replies = IntStream.range(0, 4)
                    .mapToObj(i -> sendAsAlice(client, UUID.randomUUID().toString(), "burst " + i))
                    .toList();
            replies.subList(0, 3).forEach(r -> assertOk(r));
            JsonNode limitedReply = assertError(replies.get(3), "RATE_LIMITED");
            assertThat(limitedReply.path("error").path("retryAfterMs").asLong()).isBetween(1L, 1_000L);
        } finally {
            limited.close();
        }
    }

    @Test
    void retriesOfAStoredSendAreAnsweredFromStorageWithoutSpendingTheRate(@TempDir Path otherDir) {
        // One token back every 100 s: none comes back while the test runs, however slow the machine.
        GroupServer limited = rateLimitedGroup(0.01, 3, otherDir);
        try (RawRequester client = new RawRequester(limited.boundEndpoint().toString())) {
            assertOk(client.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\",\"name\":\"Alice\"}}"));
            String id = UUID.randomUUID().toString();
            JsonNode original = assertOk(sendAsAlice(client, id, "said once")).path("message");
            for (int i = 0; i < 5; i++) {
                assertThat(assertOk(sendAsAlice(client, id, "said once")).path("message"))
                        .isEqualTo(original);
            }
            assertOk(sendAsAlice(client, UUID.randomUUID().toString(), "second"));
            assertOk(sendAsAlice(client, UUID.randomUUID().toString(), "third"));
            assertError(sendAsAlice(client, UUID.randomUUID().toString(), "one too many"), "RATE_LIMITED");
            assertThat(assertOk(sendAsAlice(client, id, "said once")).path("message"))
                    .isEqualTo(original);
        } finally {
            limited.close();
        }
    }

    private GroupServer rateLimitedGroup(double perSecond, int burst, Path dir) {
        return group(
                GroupServerConfig.of("Slow", TestGroups.ANY_PORT, null)
                        .withLimits(GroupLimits.DEFAULT.withSendRate(perSecond, burst)),
                dir);
    }

    private static JsonNode sendAsAlice(RawRequester client, String id, String text) {
        return client.send("{\"op\":\"SEND\",\"user\":{\"id\":\"" + ALICE + "\"},\"id\":\"" + id + "\",\"text\":\""
                + text + "\"}");
    }

    @Test
    void aPeerThatNeverReadsItsRepliesDoesNotStopTheServerAnsweringOthers() throws Exception {
        try (ZContext context = new ZContext(1)) {
            ZMQ.Socket greedy = context.createSocket(SocketType.DEALER);
            ConnectingSockets.configure(greedy);
            greedy.setSndHWM(0);
            greedy.connect(server.boundEndpoint().toString());
            byte[] ping = "{\"op\":\"PING\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20_000; i++) {
                greedy.send(new byte[0], ZMQ.SNDMORE);
                greedy.send(ping);
            }
            assertOk(join(ALICE, "Alice"));
            assertOk(send(ALICE, UUID.randomUUID().toString(), "heard despite the flood"));
            assertThat(fetch(ALICE, "").path("messages")).hasSize(1);
        }
    }

    @Test
    void aFullGroupRefusesNewMembersWithTooLarge(@TempDir Path otherDir) {
        GroupServer small = group(
                GroupServerConfig.of("Small", TestGroups.ANY_PORT, null)
                        .withLimits(GroupLimits.DEFAULT.withMaxMembers(1)),
                otherDir);
        try (RawRequester client = new RawRequester(small.boundEndpoint().toString())) {
            assertOk(client.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + ALICE + "\",\"name\":\"Alice\"}}"));
            assertError(
                    client.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + BOB + "\",\"name\":\"Bob\"}}"), "TOO_LARGE");
        } finally {
            small.close();
        }
    }

    @Test
    void heartbeatsRegisterTheGroupAndACleanStopUnregistersIt(@TempDir Path otherDir) {
        RegistryServer registry = TestGroups.registry(1_000);
        GroupServer group = group(
                GroupServerConfig.of(
                                "Lobby",
                                TestGroups.ANY_PORT,
                                registry.boundEndpoint().toString())
                        .withHeartbeatMs(200),
                otherDir);
        try (RegistryClient client = new RegistryClient(registry.boundEndpoint().toString());
                GroupClient member = new GroupClient(group.advertisedEndpoint(), new User(ALICE, "Alice"))) {
            await().atMost(Duration.ofSeconds(3)).until(() -> client.list().size() == 1);
            assertThat(client.list().get(0).endpoint()).isEqualTo(group.advertisedEndpoint());
            member.join();
            member.send("counted");
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> client.list().get(0).lastSeq() == 1);
            assertThat(client.list().get(0).members()).isEqualTo(1);
            assertThat(client.list().get(0).online()).isEqualTo(1);
            group.close();
            assertThat(client.list()).isEmpty();
        } finally {
            group.close();
            registry.close();
        }
    }
}
