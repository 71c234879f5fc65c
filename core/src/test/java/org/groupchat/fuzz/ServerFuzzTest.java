package org.groupchat.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.groupchat.client.GroupClient;
import org.groupchat.client.RegistryClient;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;

/**
 * 100,000 generated and mutated requests per server over a real socket: each one gets a contract reply, none an
 * INTERNAL error (the sign of an escaped exception), and what was stored before the fuzzing is untouched.
 */
class ServerFuzzTest {
    private static final AtomicLong GROUP_REQUESTS = new AtomicLong();
    private static final AtomicLong REGISTRY_REQUESTS = new AtomicLong();
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");
    private static final String FUZZER = "99999999-9999-4999-8999-999999999999";
    private static final EnumSet<ErrorCode> EXPECTED_REFUSALS = EnumSet.complementOf(EnumSet.of(ErrorCode.INTERNAL));

    private static Path dataDir;
    private static GroupServer group;
    private static RegistryServer registry;
    private static RawRequester toGroup;
    private static RawRequester toRegistry;
    private static List<Message> aliceHistory;
    private static GroupInfo protectedGroup;

    @BeforeContainer
    static void startServersWithDataToProtect() throws IOException {
        dataDir = Files.createTempDirectory("fuzz");
        // No long polls are held, so every fuzzed FETCH is answered at once.
        group = TestGroups.group(
                GroupServerConfig.of("Fuzzed", TestGroups.ANY_PORT, null)
                        .withLimits(GroupLimits.UNLIMITED_SENDS.withMaxParkedPolls(0)),
                dataDir);
        registry =
                new RegistryServer(RegistryConfig.bindingTo(TestGroups.ANY_PORT).withLeaseMs(3_600_000));
        registry.start();
        try (GroupClient alice = new GroupClient(group.boundEndpoint().toString(), ALICE);
                GroupClient fuzzer = new GroupClient(group.boundEndpoint().toString(), new User(FUZZER, "Fuzzer"));
                RegistryClient registryClient =
                        new RegistryClient(registry.boundEndpoint().toString())) {
            alice.join();
            fuzzer.join();
            for (int i = 0; i < 20; i++) {
                alice.send("protected " + i);
            }
            aliceHistory = alice.fetchAfter(0, 500, 0).messages();
            registryClient.register(FuzzedRequests.PROTECTED_GROUP, "tcp://127.0.0.1:5999", new GroupStats(1, 1, 20));
            protectedGroup = registryClient.lookup(FuzzedRequests.PROTECTED_GROUP);
        }
        toGroup = new RawRequester(group.boundEndpoint().toString());
        toRegistry = new RawRequester(registry.boundEndpoint().toString());
    }

    @AfterContainer
    static void storedDataIsUntouched() throws IOException {
        try (GroupClient alice = new GroupClient(group.boundEndpoint().toString(), ALICE);
                RegistryClient registryClient =
                        new RegistryClient(registry.boundEndpoint().toString())) {
            List<Message> all = new ArrayList<>();
            alice.forEachAfter(0, all::add);
            assertThat(all.subList(0, aliceHistory.size())).isEqualTo(aliceHistory);
            assertThat(all)
                    .extracting(Message::seq)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, all.size()).boxed().collect(Collectors.toList()));
            assertThat(alice.members())
                    .anyMatch(m -> m.id().equals(ALICE.id()) && m.name().equals("Alice"));
            assertThat(registryClient.lookup(FuzzedRequests.PROTECTED_GROUP)).isEqualTo(protectedGroup);
            System.out.printf(
                    "fuzz: %d requests to the group server, %d to the registry, each a contract reply;"
                            + " the group now holds %d messages, the first %d untouched%n",
                    GROUP_REQUESTS.get(), REGISTRY_REQUESTS.get(), all.size(), aliceHistory.size());
        } finally {
            toGroup.close();
            toRegistry.close();
            group.close();
            registry.close();
        }
    }

    @Provide
    Arbitrary<byte[]> requests() {
        return FuzzedRequests.frames(FUZZER);
    }

    @Property(tries = 100_000, shrinking = ShrinkingMode.BOUNDED)
    void theGroupServerAnswersEveryRequestWithAContractReply(@ForAll("requests") byte[] frame) {
        GROUP_REQUESTS.incrementAndGet();
        assertContractReply(toGroup.send(frame));
    }

    @Property(tries = 100_000, shrinking = ShrinkingMode.BOUNDED)
    void theRegistryAnswersEveryRequestWithAContractReply(@ForAll("requests") byte[] frame) {
        REGISTRY_REQUESTS.incrementAndGet();
        assertContractReply(toRegistry.send(frame));
    }

    static void assertContractReply(JsonNode reply) {
        assertThat(reply.isObject()).as("reply is an object: %s", reply).isTrue();
        assertThat(reply.path("ok").isBoolean())
                .as("ok is a boolean: %s", reply)
                .isTrue();
        if (!reply.path("ok").asBoolean()) {
            String code = reply.path("error").path("code").asText();
            assertThat(EnumSet.allOf(ErrorCode.class).stream().map(Enum::name))
                    .as("known code in %s", reply)
                    .contains(code);
            assertThat(EXPECTED_REFUSALS).as("no escaped exception: %s", reply).contains(ErrorCode.valueOf(code));
            assertThat(reply.path("error").path("message").asText())
                    .as("a message in %s", reply)
                    .isNotBlank();
        }
    }
}
