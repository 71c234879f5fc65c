package org.groupchat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.GroupClient;
import org.groupchat.client.RegistryClient;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.User;
import org.groupchat.testing.FuzzedReplies;
import org.groupchat.testing.HostileServer;

/**
 * The server fuzz turned around: a hostile ROUTER on a real socket answers {@link GroupClient} and
 * {@link RegistryClient} with 10,000 generated and mutated replies each. Every call ends, well within its timeout, in
 * a value within the contract or a typed {@link GroupChatException}; never a hang, never another exception.
 */
class ClientFuzzTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");
    /** One reply in this many never comes: the call must end in "no reply" after its timeout, not hang. */
    private static final int NO_REPLY_ONE_IN = 2_000;

    private static final ClientOptions OPTIONS = new ClientOptions(Duration.ofMillis(1_000), 0, Duration.ofMillis(10));
    private static final long HANG_SECONDS = 10;
    private static final AtomicReference<FuzzedReplies> REPLIES = new AtomicReference<>();
    private static final AtomicLong VALUES = new AtomicLong();
    private static final AtomicLong ERRORS = new AtomicLong();

    private static HostileServer server;
    private static ExecutorService caller;
    private static GroupClient group;
    private static RegistryClient registry;
    private static long startNanos;

    @BeforeContainer
    static void startHostileServer() throws Exception {
        server = new HostileServer(request -> REPLIES.get().answer(request));
        // The clients' sockets live on this one thread from creation to close.
        caller = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzzed-client"));
        caller.submit(() -> {
                    group = new GroupClient(null, server.endpoint(), ALICE, OPTIONS);
                    registry = new RegistryClient(null, server.endpoint(), OPTIONS);
                })
                .get();
        startNanos = System.nanoTime();
    }

    @AfterContainer
    static void stopHostileServer() throws Exception {
        System.out.printf(
                "client fuzz: %d replies in %.1f s; %d calls ended in a value within the contract, %d in a typed error%n",
                server.replies(), (System.nanoTime() - startNanos) / 1e9, VALUES.get(), ERRORS.get());
        caller.submit(() -> {
                    group.close();
                    registry.close();
                })
                .get();
        caller.shutdown();
        server.close();
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
    void theGroupClientEndsEveryCallInAValueWithinTheContractOrATypedError(@ForAll long seed) throws Exception {
        REPLIES.set(new FuzzedReplies(seed, server.endpoint(), NO_REPLY_ONE_IN));
        Random random = new Random(seed);
        long afterSeq = random.nextInt(20);
        int limit = 1 + random.nextInt(10);
        switch (random.nextInt(9)) {
            case 0 -> endsWell(() -> joined(group.join()));
            case 1 ->
                endsWell(() -> {
                    group.leave();
                    return "left";
                });
            case 2 ->
                endsWell(() -> {
                    Message sent = group.send("hello " + seed);
                    user(sent.sender());
                    return sent;
                });
            case 3 ->
                endsWell(() -> page(group.fetchAfter(afterSeq, limit, 0).messages(), limit, afterSeq, Long.MAX_VALUE));
            case 4 -> endsWell(() -> page(group.fetchSince(0, limit).messages(), limit, 0, Long.MAX_VALUE));
            case 5 -> endsWell(() -> page(group.fetchNewest(limit).messages(), limit, 0, Long.MAX_VALUE));
            case 6 -> endsWell(() -> page(group.before(afterSeq + 5, limit).messages(), limit, 0, afterSeq + 5));
            case 7 -> endsWell(() -> members(group.members()));
            default -> endsWell(() -> pong(group.ping()));
        }
    }

    @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
    void theRegistryClientEndsEveryCallInAValueWithinTheContractOrATypedError(@ForAll long seed) throws Exception {
        REPLIES.set(new FuzzedReplies(seed, server.endpoint(), NO_REPLY_ONE_IN));
        switch (new Random(seed).nextInt(5)) {
            case 0 -> endsWell(() -> groups(registry.list()));
            case 1 ->
                endsWell(() -> {
                    GroupInfo found = registry.lookup("Alpha");
                    assertThat(found.name()).isEqualToIgnoringCase("Alpha");
                    return groups(List.of(found));
                });
            case 2 ->
                endsWell(() -> {
                    long leaseMs = registry.register("Alpha", "tcp://127.0.0.1:5560", GroupStats.EMPTY);
                    assertThat(leaseMs).isPositive();
                    return leaseMs;
                });
            case 3 ->
                endsWell(() -> {
                    registry.unregister("Alpha");
                    return "unregistered";
                });
            default -> endsWell(() -> pong(registry.ping()));
        }
    }

    /** The call runs on the clients' thread; it must end in time, with a value (checked by the call) or a typed error. */
    private static void endsWell(Callable<Object> call) throws InterruptedException {
        assertThat(server.failure()).as("the hostile server's own failure").isNull();
        Future<Object> result = caller.submit(call);
        try {
            result.get(HANG_SECONDS, TimeUnit.SECONDS);
            VALUES.incrementAndGet();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            assertThat(e.getCause()).as("a typed error").isInstanceOf(GroupChatException.class);
            assertThat(e.getCause().getMessage()).as("a message for people").isNotBlank();
            ERRORS.incrementAndGet();
        } catch (TimeoutException e) {
            fail("the call did not end within " + HANG_SECONDS + " s");
        }
    }

    private static Object joined(Reply.Joined joined) {
        assertThat(joined.lastSeq()).isBetween(0L, (1L << 53) - 1);
        joined.members().forEach(ClientFuzzTest::user);
        return joined;
    }

    private static Object page(List<Message> messages, int limit, long afterSeq, long beforeSeq) {
        assertThat(messages).hasSizeLessThanOrEqualTo(limit);
        long previous = afterSeq;
        for (Message m : messages) {
            assertThat(m.seq()).isGreaterThan(previous).isLessThan(beforeSeq);
            assertThat(m.ts()).isNotNegative();
            assertThat(m.text()).isNotBlank();
            user(m.sender());
            previous = m.seq();
        }
        return messages;
    }

    private static Object members(List<Member> members) {
        members.forEach(m -> user(new User(m.id(), m.name())));
        return members;
    }

    private static Object groups(List<GroupInfo> groups) {
        for (GroupInfo g : groups) {
            valid(() -> Fields.name(g.name(), "name"));
            valid(() -> Fields.connectableEndpoint(g.endpoint(), "endpoint"));
            assertThat(g.lastSeq()).isNotNegative();
        }
        return groups;
    }

    private static Object pong(Reply.Pong pong) {
        assertThat(pong.role()).isIn("group", "registry");
        assertThat(pong.protocol()).isPositive();
        return pong;
    }

    private static void user(User user) {
        valid(() -> Fields.uuid(user.id(), "id"));
        valid(() -> Fields.name(user.name(), "name"));
    }

    private interface Check {
        Object run() throws ProtocolException;
    }

    private static void valid(Check check) {
        try {
            check.run();
        } catch (ProtocolException e) {
            throw new AssertionError("a value out of contract reached the caller: " + e.getMessage());
        }
    }
}
