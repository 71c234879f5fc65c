package org.groupchat.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.groupchat.desktop.testing.SameThreadUiExecutor;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.FuzzedReplies;
import org.groupchat.testing.HostileServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 20: the desktop's session loop on a real socket against a hostile ROUTER that answers its JOIN, FETCH,
 * MEMBERS and SEND requests with 10,000 generated and mutated replies. The loop never fails on one (no unexpected
 * error logged, the thread goes on), and what it hands the tab is within the contract: messages in seq order.
 */
class SessionFuzzTest {
    private static final int REPLIES = 10_000;
    // fast pacing so 10,000 replies take seconds: short polls, frequent MEMBERS, a backoff of a few ms
    private static final SessionTimings FAST = new SessionTimings(100, 300, 20, 2_000, 50, 1, 8);

    @Test
    void tenThousandHostileRepliesLeaveTheSessionRunningAndItsReportsInOrder() throws Exception {
        Logger loop = (Logger) LoggerFactory.getLogger(SessionLoop.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        loop.addAppender(logged);
        AtomicReference<FuzzedReplies> fuzz = new AtomicReference<>();
        Reports reports = new Reports();
        try (HostileServer server = new HostileServer(request -> fuzz.get().answer(request))) {
            fuzz.set(new FuzzedReplies(20_261_206L, server.endpoint(), 0));
            GroupSession session = GroupSession.start(
                    "Evil",
                    server.endpoint(),
                    new User(UUID.randomUUID().toString(), "Ada"),
                    new SameThreadUiExecutor(),
                    reports,
                    FAST);
            // SENDs in small bursts beside the session's own JOIN, FETCH and MEMBERS; each burst waits for progress
            for (int i = 0; server.replies() < REPLIES; i++) {
                session.send(UUID.randomUUID().toString(), "message " + i);
                if (i % 10 == 0) {
                    long before = server.replies();
                    await().pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(5))
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> server.replies() > before);
                }
            }
            session.close();
            assertThat(session.awaitStopped(15_000)).isTrue();
            assertThat(server.failure()).isNull();
        } finally {
            loop.detachAppender(logged);
        }

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.ERROR)
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
        assertThat(reports.outOfOrder).isEmpty();
        assertThat(reports.problems).noneMatch(problem -> problem.contains("stopped unexpectedly"));
    }

    /** What the session told its tab, checked as it arrives. */
    private static final class Reports implements SessionListener {
        final List<String> outOfOrder = new CopyOnWriteArrayList<>();
        final List<String> problems = new CopyOnWriteArrayList<>();

        private void inOrder(String what, List<Message> messages) {
            for (int i = 1; i < messages.size(); i++) {
                if (messages.get(i).seq() <= messages.get(i - 1).seq()) {
                    outOfOrder.add(what + ": seq " + messages.get(i - 1).seq() + " then "
                            + messages.get(i).seq());
                }
            }
        }

        @Override
        public void newestPage(List<Message> messages, boolean hasEarlier) {
            inOrder("newest page", messages);
        }

        @Override
        public void arrived(List<Message> messages) {
            inOrder("arrived", messages);
        }

        @Override
        public void sent(Message message) {}

        @Override
        public void sendFailed(String messageId, String reason) {}

        @Override
        public void earlierLoaded(List<Message> messages, boolean hasEarlier) {
            inOrder("earlier", messages);
        }

        @Override
        public void sinceLoaded(List<Message> messages, boolean hasEarlier) {
            inOrder("since", messages);
        }

        @Override
        public void latestLoaded(List<Message> messages, boolean hasEarlier) {
            inOrder("latest", messages);
        }

        @Override
        public void membersChanged(List<Member> members) {}

        @Override
        public void connectionChanged(ConnectionState state, String detail) {}

        @Override
        public void handshakeRefused(String reason) {}

        @Override
        public void problem(String message) {
            problems.add(message);
        }

        @Override
        public void historyReplaced() {}
    }
}
