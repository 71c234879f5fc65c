package org.groupchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.groupchat.security.ServerSecurity;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client library's calls for protocol 1.4's events, moderation and read markers, against a real secure group. */
class EventClientTest {
    @TempDir
    Path dataDir;

    private final CurveKeyPair groupKeys = CurveKeyPair.generate();
    private final CurveKeyPair ownerKeys = CurveKeyPair.generate();
    private final CurveKeyPair bobKeys = CurveKeyPair.generate();
    private GroupServer server;
    private GroupClient owner;
    private GroupClient bob;

    @BeforeEach
    void start() {
        String ownerId = PublicKeys.userIdFor(ownerKeys.publicKey());
        server = TestGroups.group(
                TestGroups.unlimited(GroupServerConfig.of("Club", TestGroups.ANY_PORT, null))
                        .withSecurity(ServerSecurity.withKeys(groupKeys))
                        .withOwners(List.of(ownerId)),
                dataDir);
        owner = client(new User(ownerId, "Olivia"), ownerKeys);
        bob = client(new User(PublicKeys.userIdFor(bobKeys.publicKey()), "Bob"), bobKeys);
    }

    private GroupClient client(User user, CurveKeyPair keys) {
        return new GroupClient(
                null,
                server.boundEndpoint().toString(),
                user,
                ClientOptions.DEFAULT,
                new ClientKeys(groupKeys.publicKey(), keys));
    }

    @AfterEach
    void stop() {
        owner.close();
        bob.close();
        server.close();
    }

    @Test
    void everyEventKindRoundTripsThroughTheLibrary() {
        assertThat(owner.join().owner()).isTrue();
        assertThat(bob.join().owner()).isFalse();
        Message hello = bob.send("hello");
        Message reply = owner.send("hi @Bob", hello.seq(), List.of(bob.user().id()));
        assertThat(reply.replyTo()).isEqualTo(hello.seq());
        assertThat(reply.mentions()).containsExactly(bob.user().id());
        assertThat(bob.edit(hello.seq(), "hello all").eventKind()).isEqualTo(EventKind.EDIT);
        assertThat(owner.react(hello.seq(), "👋").text()).isEqualTo("reacted 👋 to message #1");
        assertThat(owner.unreact(hello.seq(), "👋").eventKind()).isEqualTo(EventKind.UNREACTION);
        assertThat(owner.remove(hello.seq()).text()).isEqualTo("removed message #1 by Bob");
        assertThat(owner.members())
                .filteredOn(Member::isOwner)
                .extracting(Member::name)
                .containsExactly("Olivia");

        ServerErrorException refused = catchThrowableOfType(() -> bob.delete(reply.seq()), ServerErrorException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);

        assertThat(bob.markRead(4)).isEqualTo(4);
        assertThat(bob.markRead(2)).isEqualTo(4);
        assertThat(bob.fetchAfter(0, 100, 0).readSeq()).isEqualTo(4);
        assertThat(owner.moderate(EventKind.BAN, bob.user().id()).text()).isEqualTo("banned Bob from the group");
        ServerErrorException banned = catchThrowableOfType(() -> bob.fetchNewest(10), ServerErrorException.class);
        assertThat(banned.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(owner.moderate(EventKind.UNBAN, bob.user().id()).eventKind()).isEqualTo(EventKind.UNBAN);
        assertThat(bob.join().readSeq()).isEqualTo(4);
        assertThat(owner.moderate(EventKind.KICK, bob.user().id()).text()).isEqualTo("removed Bob from the group");
    }
}
