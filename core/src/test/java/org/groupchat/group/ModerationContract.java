package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.groupchat.testing.Replies.assertError;
import static org.groupchat.testing.Replies.assertOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.groupchat.security.ServerSecurity;
import org.groupchat.testing.RawRequester;
import org.groupchat.testing.TestGroups;
import org.groupchat.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol 1.4's moderation on a group with security on (CURVE): owners remove messages, kick, ban and unban; bans and
 * owners persist. {@link EventContractTest} runs it on each store.
 */
abstract class ModerationContract extends GroupServerTestBase {
    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private final CurveKeyPair ownerKeys = CurveKeyPair.generate();
    private final CurveKeyPair carolKeys = CurveKeyPair.generate();
    private final CurveKeyPair daveKeys = CurveKeyPair.generate();
    private final String owner = PublicKeys.userIdFor(ownerKeys.publicKey());
    private final String carol = PublicKeys.userIdFor(carolKeys.publicKey());
    private final String dave = PublicKeys.userIdFor(daveKeys.publicKey());
    private GroupServer secure;
    private RawRequester asOwner;
    private RawRequester asCarol;
    private RawRequester asDave;

    ModerationContract(TestStore store) {
        super(store);
    }

    @BeforeEach
    void startASecureGroup() {
        startSecure(List.of(owner));
        assertThat(assertOk(join(asOwner, owner, "Olivia")).path("owner").asBoolean())
                .isTrue();
        JsonNode carolJoined = assertOk(join(asCarol, carol, "Carol"));
        assertThat(carolJoined.path("owner").asBoolean()).isFalse();
        assertOk(join(asDave, dave, "Dave"));
        assertOk(say(asCarol, carol, UUID.randomUUID().toString(), "\"text\":\"buy cheap watches\""));
    }

    @AfterEach
    void stopTheSecureGroup() {
        stopSecure();
    }

    private void startSecure(List<String> owners) {
        GroupServerConfig config = TestGroups.unlimited(GroupServerConfig.of("Moderated", TestGroups.ANY_PORT, null))
                .withSecurity(ServerSecurity.withKeys(groupKeys))
                .withOwners(owners);
        secure = group(config, dataDir.resolve("moderated"));
        String endpoint = secure.boundEndpoint().toString();
        asOwner = new RawRequester(endpoint, new ClientKeys(groupKeys.publicKey(), ownerKeys));
        asCarol = new RawRequester(endpoint, new ClientKeys(groupKeys.publicKey(), carolKeys));
        asDave = new RawRequester(endpoint, new ClientKeys(groupKeys.publicKey(), daveKeys));
    }

    private void stopSecure() {
        for (AutoCloseable closeable : new AutoCloseable[] {asOwner, asCarol, asDave, secure}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode join(RawRequester client, String userId, String name) {
        return client.send("{\"op\":\"JOIN\",\"user\":{\"id\":\"" + userId + "\",\"name\":\"" + name + "\"}}");
    }

    private static JsonNode say(RawRequester client, String userId, String id, String fields) {
        return client.send(
                "{\"op\":\"SEND\",\"user\":{\"id\":\"" + userId + "\"},\"id\":\"" + id + "\"," + fields + "}");
    }

    private static JsonNode request(RawRequester client, String op, String userId) {
        return client.send("{\"op\":\"" + op + "\",\"user\":{\"id\":\"" + userId + "\"}}");
    }

    private long lastSeq() {
        return assertOk(request(asOwner, "FETCH", owner)).path("lastSeq").asLong();
    }

    @Test
    void anOwnerRemovesAMembersMessageAndEveryoneSeesTheNotice() {
        JsonNode removed = assertOk(
                        say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"remove\",\"target\":1"))
                .path("message");
        assertThat(removed.path("text").asText()).isEqualTo("removed message #1 by Carol");
        JsonNode seen =
                assertOk(request(asDave, "FETCH", dave)).path("messages").get(1);
        assertThat(seen.path("kind").asText()).isEqualTo("remove");
        assertThat(seen.path("target").asLong()).isEqualTo(1);
        JsonNode members = assertOk(request(asDave, "MEMBERS", dave)).path("members");
        members.forEach(m -> assertThat(m.path("owner").asBoolean())
                .as(m.toString())
                .isEqualTo(m.path("id").asText().equals(owner)));
        assertError(
                say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"remove\",\"target\":1"), "BAD_REQUEST");
    }

    @Test
    void aMemberWhoIsNoOwnerMayNotModerateAndNothingIsStored() {
        for (String fields : List.of(
                "\"kind\":\"remove\",\"target\":1",
                "\"kind\":\"kick\",\"member\":\"" + dave + "\"",
                "\"kind\":\"ban\",\"member\":\"" + dave + "\"",
                "\"kind\":\"unban\",\"member\":\"" + dave + "\"")) {
            JsonNode refused = assertError(say(asCarol, carol, UUID.randomUUID().toString(), fields), "FORBIDDEN");
            assertThat(refused.path("error").path("message").asText()).contains("only an owner");
        }
        assertError(
                say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"ban\",\"member\":\"" + owner + "\""),
                "FORBIDDEN");
        assertError(
                say(
                        asOwner,
                        owner,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"kick\",\"member\":\"" + UUID.randomUUID() + "\""),
                "BAD_REQUEST");
        assertError(
                say(
                        asOwner,
                        owner,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"kick\",\"member\":\"" + dave + "\",\"text\":\"bye\""),
                "BAD_REQUEST");
        assertError(
                say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"ban\",\"member\":\"nobody\""),
                "BAD_REQUEST");
        assertError(
                say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"unban\",\"member\":\"" + dave + "\""),
                "BAD_REQUEST");
        assertThat(lastSeq()).isEqualTo(1);
    }

    @Test
    void aKickedMemberIsNoLongerOneButMayJoinAgain() {
        JsonNode kicked = assertOk(say(
                        asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"kick\",\"member\":\"" + dave + "\""))
                .path("message");
        assertThat(kicked.path("text").asText()).isEqualTo("removed Dave from the group");
        assertThat(kicked.path("member").asText()).isEqualTo(dave);
        assertError(request(asDave, "FETCH", dave), "NOT_MEMBER");
        assertOk(join(asDave, dave, "Dave"));
        assertThat(assertOk(request(asDave, "FETCH", dave)).path("messages")).hasSize(2);
    }

    @Test
    void aBanRefusesEveryRequestOfTheUserSurvivesARestartAndIsLifted() {
        String banId = UUID.randomUUID().toString();
        String ban = "\"kind\":\"ban\",\"member\":\"" + carol + "\"";
        JsonNode banned = assertOk(say(asOwner, owner, banId, ban)).path("message");
        assertThat(banned.path("text").asText()).isEqualTo("banned Carol from the group");
        assertThat(assertOk(say(asOwner, owner, banId, ban)).path("message"))
                .as("a retried ban")
                .isEqualTo(banned);
        assertError(say(asOwner, owner, UUID.randomUUID().toString(), ban), "BAD_REQUEST");
        for (String op : List.of("FETCH", "MEMBERS", "LEAVE", "MARK_READ")) {
            JsonNode refused = assertError(request(asCarol, op, carol), "FORBIDDEN");
            assertThat(refused.path("error").path("message").asText())
                    .isEqualTo("you are banned from \"Moderated\" by an owner");
        }
        assertError(join(asCarol, carol, "Carol"), "FORBIDDEN");
        assertError(say(asCarol, carol, UUID.randomUUID().toString(), "\"text\":\"let me in\""), "FORBIDDEN");

        stopSecure();
        startSecure(List.of());
        assertError(join(asCarol, carol, "Carol"), "FORBIDDEN");
        assertThat(assertOk(join(asOwner, owner, "Olivia")).path("owner").asBoolean())
                .as("owners persist")
                .isTrue();
        JsonNode lifted = assertOk(say(
                        asOwner,
                        owner,
                        UUID.randomUUID().toString(),
                        "\"kind\":\"unban\",\"member\":\"" + carol + "\""))
                .path("message");
        assertThat(lifted.path("text").asText()).isEqualTo("lifted the ban on Carol");
        assertOk(join(asCarol, carol, "Carol"));
        assertThat(lastSeq()).isEqualTo(3);
    }

    @Test
    void aBanInTheLogIsInForceEvenIfItsServerStoppedRightAfterStoringIt() {
        stopSecure();
        try (MessageStore log = store.open("Moderated", dataDir.resolve("moderated"))) {
            log.append(List.of(new NewMessage(
                    UUID.randomUUID().toString(),
                    new User(owner, "Olivia"),
                    "banned Dave from the group",
                    "ban",
                    null,
                    null,
                    null,
                    dave,
                    null)));
        }
        startSecure(List.of());

        assertError(request(asDave, "FETCH", dave), "FORBIDDEN");
        assertThat(assertOk(request(asOwner, "MEMBERS", owner)).path("members"))
                .extracting(member -> member.path("id").asText())
                .containsExactlyInAnyOrder(owner, carol);
    }

    @Test
    void aKickAndTheLiftingOfABanLastAcrossARestart() {
        assertOk(say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"kick\",\"member\":\"" + dave + "\""));
        assertOk(say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"ban\",\"member\":\"" + carol + "\""));
        assertOk(say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"unban\",\"member\":\"" + carol + "\""));

        stopSecure();
        startSecure(List.of());

        assertThat(assertOk(request(asOwner, "MEMBERS", owner)).path("members"))
                .extracting(member -> member.path("id").asText())
                .containsExactly(owner);
        assertOk(join(asCarol, carol, "Carol"));
    }

    @Test
    void aBannedMembersHeldFetchIsAnsweredWithTheBanNotWithTheNextMessages() throws Exception {
        CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() ->
                asDave.send("{\"op\":\"FETCH\",\"user\":{\"id\":\"" + dave + "\"},\"afterSeq\":1,\"waitMs\":20000}"));
        await().atMost(Duration.ofSeconds(5)).until(() -> secure.parkedPolls() == 1);
        assertOk(say(asOwner, owner, UUID.randomUUID().toString(), "\"kind\":\"ban\",\"member\":\"" + dave + "\""));
        JsonNode answer = held.get(5, TimeUnit.SECONDS);
        assertError(answer, "FORBIDDEN");
        assertThat(answer.path("error").path("message").asText()).contains("banned");
        await().atMost(Duration.ofSeconds(5)).until(() -> secure.parkedPolls() == 0);
    }

    @Test
    void theKeyThatHostsTheGroupIsAnOwner() {
        try (RawRequester asHost =
                new RawRequester(secure.boundEndpoint().toString(), new ClientKeys(groupKeys.publicKey(), groupKeys))) {
            String host = PublicKeys.userIdFor(groupKeys.publicKey());
            assertThat(assertOk(join(asHost, host, "Operator")).path("owner").asBoolean())
                    .isTrue();
            assertOk(say(asHost, host, UUID.randomUUID().toString(), "\"kind\":\"remove\",\"target\":1"));
        }
    }

    @Test
    void withoutSecurityModerationIsRefusedSayingHowToTurnItOn() {
        assertOk(join(ALICE, "Alice"));
        assertOk(send(ALICE, UUID.randomUUID().toString(), "hello"));
        assertThat(assertOk(join(ALICE, "Alice")).path("owner").asBoolean()).isFalse();
        for (String fields :
                List.of("\"kind\":\"remove\",\"target\":1", "\"kind\":\"ban\",\"member\":\"" + BOB + "\"")) {
            JsonNode refused = assertError(event(ALICE, UUID.randomUUID().toString(), fields), "FORBIDDEN");
            assertThat(refused.path("error").path("message").asText())
                    .contains("needs security")
                    .contains("--secure");
        }
        assertThat(assertOk(fetch(ALICE, "")).path("lastSeq").asLong()).isEqualTo(1);
    }
}
