package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.User;
import org.groupchat.testing.OneThreadClient;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.groupchat.transport.ConnectingSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** FETCH with waitMs: held without blocking anyone, answered when a message lands or the wait ends. */
abstract class LongPollContract extends GroupServerTestBase {

    LongPollContract(TestStore store) {
        super(store);
    }

    @Test
    void longPollIsAnsweredWhenAMessageArrivesWithoutBlockingOthers() throws Exception {
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), new User(ALICE, "Alice"));
                OneThreadClient bob = new OneThreadClient(
                        () -> new GroupClient(server.boundEndpoint().toString(), new User(BOB, "Bob")))) {
            alice.join();
            bob.call(GroupClient::join);
            CompletableFuture<Reply.Fetched> poll = bob.ask(c -> c.fetchAfter(0, 100, 20_000));
            await().until(() -> server.parkedPolls() == 1);
            assertThat(poll).isNotDone();
            Message sent = alice.send("wake up");
            Reply.Fetched fetched = poll.get(5, TimeUnit.SECONDS);
            assertThat(fetched.messages()).containsExactly(sent);
            assertThat(fetched.lastSeq()).isEqualTo(1);
        }
    }

    @Test
    void aRetryBesideItsOriginalInOneBatchReachesAWaitingReaderOnce() throws Exception {
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), new User(ALICE, "Alice"));
                OneThreadClient bob = new OneThreadClient(
                        () -> new GroupClient(server.boundEndpoint().toString(), new User(BOB, "Bob")));
                ZContext context = new ZContext(1)) {
            alice.join();
            bob.call(GroupClient::join);
            CompletableFuture<Reply.Fetched> poll = bob.ask(c -> c.fetchAfter(0, 100, 20_000));
            await().until(() -> server.parkedPolls() == 1);
            ZMQ.Socket pipelined = context.createSocket(SocketType.DEALER);
            ConnectingSockets.configure(pipelined);
            ConnectingSockets.connect(pipelined, server.boundEndpoint().toString());
            byte[] send = ("{\"op\":\"SEND\",\"user\":{\"id\":\"" + ALICE + "\"},\"id\":\"" + UUID.randomUUID()
                            + "\",\"text\":\"once\"}")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2; i++) {
                pipelined.send(new byte[0], ZMQ.SNDMORE);
                pipelined.send(send);
            }
            assertThat(poll.get(5, TimeUnit.SECONDS).messages())
                    .extracting(Message::seq)
                    .containsExactly(1L);
            assertThat(fetch(BOB, "").path("messages")).hasSize(1);
        }
    }

    @Test
    void aSinceLongPollIsAnsweredByTheFirstMessageAtOrAfterItsMoment() throws Exception {
        try (GroupClient alice = new GroupClient(server.boundEndpoint().toString(), new User(ALICE, "Alice"));
                OneThreadClient bob = new OneThreadClient(
                        () -> new GroupClient(server.boundEndpoint().toString(), new User(BOB, "Bob")))) {
            alice.join();
            bob.call(GroupClient::join);
            alice.send("before the moment");
            long moment = System.currentTimeMillis() + 1;
            await().until(() -> System.currentTimeMillis() > moment);
            CompletableFuture<Reply.Fetched> poll = bob.ask(c -> c.fetchSinceWaiting(moment, 100, 20_000));
            await().until(() -> server.parkedPolls() == 1);
            Message after = alice.send("after the moment");
            assertThat(poll.get(5, TimeUnit.SECONDS).messages()).containsExactly(after);
        }
    }

    @Test
    void longPollEndsEmptyWhenItsWaitPasses() {
        assertOk(join(ALICE, "Alice"));
        long start = System.nanoTime();
        JsonNode reply = assertOk(fetch(ALICE, ",\"afterSeq\":0,\"waitMs\":300"));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.path("messages")).isEmpty();
        assertThat(reply.path("more").asBoolean()).isFalse();
        assertThat(elapsedMs).isBetween(250L, 3_000L);
    }

    @Test
    void longPollsBeyondTheLimitAreAnsweredAtOnceInsteadOfHeld(@TempDir Path otherDir) throws Exception {
        GroupServer capped = group(
                GroupServerConfig.of("Capped", TestGroups.ANY_PORT, null)
                        .withLimits(GroupLimits.DEFAULT.withMaxParkedPolls(1)),
                otherDir);
        String endpoint = capped.boundEndpoint().toString();
        try (OneThreadClient alice = new OneThreadClient(() -> new GroupClient(endpoint, new User(ALICE, "Alice")));
                GroupClient bob = new GroupClient(endpoint, new User(BOB, "Bob"))) {
            alice.call(GroupClient::join);
            bob.join();
            CompletableFuture<Reply.Fetched> held = alice.ask(c -> c.fetchAfter(0, 10, 20_000));
            await().until(() -> capped.parkedPolls() == 1);
            long start = System.nanoTime();
            Reply.Fetched overflow = bob.fetchAfter(0, 10, 20_000);
            assertThat(overflow.messages()).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("answered at once")
                    .isLessThan(5_000);
            assertThat(held).isNotDone();
            Message sent = bob.send("for the one held");
            assertThat(held.get(5, TimeUnit.SECONDS).messages()).containsExactly(sent);
        } finally {
            capped.close();
        }
    }
}
