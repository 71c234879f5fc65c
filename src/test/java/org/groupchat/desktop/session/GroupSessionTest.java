package org.groupchat.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.testing.SameThreadUiExecutor;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupBackup;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupSessionTest {
    @TempDir
    Path temp;

    private final TestServers servers = new TestServers();

    @AfterEach
    void stop() {
        servers.close();
    }

    @Test
    void messagesSentByOneSessionReachAnotherOnceAndInOrder() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        Events ada = new Events();
        Events bob = new Events();
        GroupSession adaSession = start(group, "Ada", ada);
        GroupSession bobSession = start(group, "Bob", bob);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ada.connected() && bob.connected() && ada.pageSeen && bob.pageSeen);

        for (int i = 0; i < 20; i++) {
            adaSession.send(UUID.randomUUID().toString(), "message " + i);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> bob.arrived.size() == 20 && ada.sent.size() == 20);
        assertThat(bob.arrived)
                .extracting(Message::text)
                .containsExactlyElementsOf(
                        IntStream.range(0, 20).mapToObj(i -> "message " + i).toList());
        assertThat(bob.arrived).extracting(Message::seq).isSorted().doesNotHaveDuplicates();
        adaSession.close();
        bobSession.close();
        assertThat(adaSession.awaitStopped(15_000)).isTrue();
        assertThat(bobSession.awaitStopped(15_000)).isTrue();
    }

    @Test
    void aQuickServerRestartDoesNotStallTheLongPoll() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        String endpoint = group.advertisedEndpoint();
        Events bob = new Events();
        // a long poll wait and rare heartbeats: only the connection monitor can notice the restart in time
        GroupSession session = GroupSession.start(
                "Alpha",
                endpoint,
                new User(UUID.randomUUID().toString(), "Bob"),
                new SameThreadUiExecutor(),
                bob,
                new SessionTimings(30_000, 1_500, 60_000, 20_000, 100));
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.pageSeen && bob.connected());

        group.close();
        servers.group("Alpha", temp, endpoint, null);
        try (GroupClient carol =
                new GroupClient(endpoint, new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            carol.send("after the restart");
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> bob.arrived.stream().anyMatch(m -> m.text().equals("after the restart")));
        assertThat(bob.refusals).as("a restart is not a refused handshake").isEmpty();
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void anUnexpectedErrorInTheSessionThreadIsLoggedAndTheSessionGoesOn() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        Events bob = new Events();
        // the listener runs on the session's thread here, so this fails there as JeroMQ's "assert !more" can
        bob.failOnFirstPage = true;
        GroupSession session = start(group, "Bob", bob);
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.pageSeen && !bob.failOnFirstPage);

        try (GroupClient carol = new GroupClient(
                group.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            carol.send("after the error");
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> bob.arrived.stream().anyMatch(m -> m.text().equals("after the error")));
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void sendingTheSameIdTwiceStoresOneMessage() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        Events ada = new Events();
        GroupSession session = start(group, "Ada", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.pageSeen);

        String id = UUID.randomUUID().toString();
        session.send(id, "only once");
        session.send(id, "only once");

        await().atMost(Duration.ofSeconds(30)).until(() -> ada.sent.size() == 2);
        assertThat(ada.sent)
                .extracting(Message::seq)
                .containsOnly(ada.sent.get(0).seq());
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void leaveEndsMembershipAndStopsTheSession() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        Events ada = new Events();
        GroupSession session = start(group, "Ada", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> !ada.members.isEmpty());

        session.leave();

        assertThat(session.awaitStopped(15_000)).isTrue();
        try (GroupClient other = new GroupClient(
                group.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Eve"))) {
            other.join();
            assertThat(other.members()).extracting(Member::name).containsExactly("Eve");
        }
    }

    @Test
    void aServerWithoutSecurityIsReportedWhenTheSessionExpectsAKey() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        String expected = CurveKeyPair.generate().publicKey();
        Events ada = new Events();
        GroupSession session = GroupSession.start(
                "Alpha",
                group.advertisedEndpoint(),
                expected,
                CurveKeyPair.generate(),
                new User(UUID.randomUUID().toString(), "Ada"),
                new SameThreadUiExecutor(),
                ada);

        await().atMost(Duration.ofSeconds(30)).until(() -> !ada.refusals.isEmpty());
        assertThat(ada.refusals.get(0))
                .contains("refused our secure handshake")
                .contains("fingerprint " + PublicKeys.fingerprint(expected));
        assertThat(ada.connected()).isFalse();
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void unreachableServerIsReportedAndSendFailsWithItsId() throws Exception {
        Events ada = new Events();
        GroupSession session = GroupSession.start(
                "Nowhere",
                "tcp://127.0.0.1:1",
                new User(UUID.randomUUID().toString(), "Ada"),
                new SameThreadUiExecutor(),
                ada,
                new SessionTimings(1_000, 200, 3_000, 600, 100));
        String id = UUID.randomUUID().toString();
        session.send(id, "hello?");

        await().atMost(Duration.ofSeconds(30)).until(() -> ada.failed.contains(id));
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void aSessionMovedToTheGroupsNewAddressGoesOnThere() throws Exception {
        GroupServer first = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        Events ada = new Events();
        GroupSession session = start(first, "Ada", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.pageSeen && ada.connected());

        first.close();
        GroupServer moved = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        session.retarget(moved.advertisedEndpoint(), null);
        session.send(UUID.randomUUID().toString(), "from the new address");
        try (GroupClient carol = new GroupClient(
                moved.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            carol.send("welcome there");
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> ada.sent.size() == 1
                        && ada.arrived.stream().anyMatch(m -> m.text().equals("welcome there")));
        assertThat(ada.sent.get(0).text()).isEqualTo("from the new address");
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void aServerThatForgotTheMemberIsJoinedAgainAndTheSendGoesThrough() throws Exception {
        GroupServer first = servers.group("Alpha", temp.resolve("first"), TestServers.ANY_PORT, null);
        String endpoint = first.advertisedEndpoint();
        Events ada = new Events();
        GroupSession session = start(first, "Ada", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.pageSeen && ada.connected());

        first.close();
        GroupServer fresh = servers.group("Alpha", temp.resolve("fresh"), endpoint, null);
        session.send(UUID.randomUUID().toString(), "am I still in?");

        await().atMost(Duration.ofSeconds(30)).until(() -> ada.sent.size() == 1);
        assertThat(ada.failed).isEmpty();
        try (GroupClient carol = new GroupClient(
                fresh.advertisedEndpoint(), new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            assertThat(carol.members()).extracting(Member::name).contains("Ada");
        }
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void sendsRefusedAsRateLimitedWaitAndAreAllStoredInOrder() throws Exception {
        GroupServer group =
                servers.group("Alpha", temp, TestServers.ANY_PORT, null, null, GroupLimits.DEFAULT.withSendRate(5, 2));
        Events ada = new Events();
        GroupSession session = start(group, "Ada", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.pageSeen);

        for (int i = 0; i < 12; i++) {
            session.send(UUID.randomUUID().toString(), "burst " + i);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> ada.sent.size() == 12);
        assertThat(ada.failed).isEmpty();
        assertThat(ada.sent)
                .extracting(Message::text)
                .containsExactlyElementsOf(
                        IntStream.range(0, 12).mapToObj(i -> "burst " + i).toList());
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    @Test
    void aGroupRestoredFromABackupIsShownAfreshFromItsNewHistory() throws Exception {
        GroupServer group = servers.group("Alpha", temp, TestServers.ANY_PORT, null);
        String endpoint = group.advertisedEndpoint();
        Events ada = new Events();
        GroupSession session = start(group, "Ada", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.pageSeen && ada.connected());
        try (GroupClient carol =
                new GroupClient(endpoint, new User(UUID.randomUUID().toString(), "Carol"))) {
            carol.join();
            carol.send("before the backup");
            GroupBackup.backup(temp.resolve("group.db"), temp.resolve("backup.db"));
            carol.send("after the backup");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ada.arrived.size() == 2);

        group.close();
        GroupBackup.restore(temp.resolve("backup.db"), temp.resolve("group.db"));
        servers.group("Alpha", temp, endpoint, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> ada.historyReplaced == 1 && ada.lastPage.size() == 1);
        assertThat(ada.lastPage).extracting(Message::text).containsExactly("before the backup");
        session.close();
        assertThat(session.awaitStopped(15_000)).isTrue();
    }

    private static GroupSession start(GroupServer group, String name, Events events) {
        return GroupSession.start(
                group.name(),
                group.advertisedEndpoint(),
                new User(UUID.randomUUID().toString(), name),
                new SameThreadUiExecutor(),
                events);
    }

    /** Collects what a session reports, from the session's own thread. */
    private static final class Events implements SessionListener {
        final List<Message> arrived = new CopyOnWriteArrayList<>();
        final List<Message> sent = new CopyOnWriteArrayList<>();
        final List<String> failed = new CopyOnWriteArrayList<>();
        final List<Member> members = new CopyOnWriteArrayList<>();
        volatile ConnectionState state = ConnectionState.CONNECTING;
        final List<String> refusals = new CopyOnWriteArrayList<>();
        volatile boolean pageSeen;
        volatile boolean failOnFirstPage;
        volatile int historyReplaced;
        volatile List<Message> lastPage = List.of();

        boolean connected() {
            return state == ConnectionState.CONNECTED;
        }

        @Override
        public void newestPage(List<Message> messages, boolean hasEarlier) {
            lastPage = List.copyOf(messages);
            pageSeen = true;
            if (failOnFirstPage) {
                failOnFirstPage = false;
                throw new AssertionError("unexpected, on the session's thread");
            }
        }

        @Override
        public void arrived(List<Message> messages) {
            arrived.addAll(messages);
        }

        @Override
        public void sent(Message message) {
            sent.add(message);
        }

        @Override
        public void sendFailed(String messageId, String reason) {
            failed.add(messageId);
        }

        @Override
        public void earlierLoaded(List<Message> messages, boolean hasEarlier) {}

        @Override
        public void latestLoaded(List<Message> messages, boolean hasEarlier) {}

        @Override
        public void sinceLoaded(List<Message> messages, boolean hasEarlier) {}

        @Override
        public void membersChanged(List<Member> list) {
            members.clear();
            members.addAll(list);
        }

        @Override
        public void connectionChanged(ConnectionState newState, String detail) {
            state = newState;
        }

        @Override
        public void handshakeRefused(String reason) {
            if (reason != null) {
                refusals.add(reason);
            }
        }

        @Override
        public void problem(String message) {}

        @Override
        public void historyReplaced() {
            historyReplaced++;
        }
    }
}
