package org.groupchat.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.groupchat.client.GroupClient;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.Fx;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.GroupServer;
import org.groupchat.protocol.User;
import org.groupchat.testing.HostileServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 20, item 4: a hostile group beside a real one. Garbage, wrong types, huge names, out-of-contract numbers,
 * disordered messages, answers to other requests and an oversized frame cost the hostile tab an error line; the
 * window keeps working, no exception escapes on the FX thread, and the real tab keeps chatting.
 */
@ExtendWith(ApplicationExtension.class)
class HostileGroupTest {
    private static final String HUGE = "x".repeat(100_000);
    private static final String PEER = "\"sender\":{\"id\":\"00000000-0000-4000-8000-0000000000e1\",\"name\":\"Eve\"}";
    private static final List<String> REPLIES = List.of(
            "not json at all",
            "{\"ok\":true,\"messages\":[{\"seq\":1,\"id\":\"a\",\"ts\":1,\"sender\":{\"id\":\"e\",\"name\":\"" + HUGE
                    + HUGE + HUGE + "\"},\"text\":\"big\"}],\"lastSeq\":1,\"more\":false}",
            "{\"ok\":true}",
            "{\"ok\":true,\"lastSeq\":\"x\",\"members\":[]}",
            "{\"ok\":true,\"lastSeq\":1000000000000000000,\"members\":[{\"id\":\"00000000-0000-4000-8000-0000000000e1\","
                    + "\"name\":\"" + HUGE + "\"}]}",
            "{\"ok\":true,\"messages\":[" + message(5, 1) + "," + message(3, 1) + "," + message(3, 1)
                    + "],\"lastSeq\":5,\"more\":false}",
            "{\"ok\":true,\"messages\":[" + message(1, -5) + "],\"lastSeq\":1,\"more\":false}",
            "{\"ok\":true,\"role\":\"group\",\"version\":\"6.6.6\",\"protocol\":1}",
            "{\"ok\":false,\"error\":{\"code\":\"NOPE\",\"message\":\"\\u001b[2J gotcha\"}}",
            "{\"ok\":true,\"messages\":["
                    + String.join(
                            ",",
                            IntStream.rangeClosed(1, 1_000)
                                    .mapToObj(seq -> message(seq, 1))
                                    .toList()) + "],\"lastSeq\":1000,\"more\":false}");

    @TempDir
    static Path temp;

    private final TestServers servers = new TestServers();
    private final AtomicInteger next = new AtomicInteger();
    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private HostileServer evil;
    private GroupServer lobby;
    private AppUnderTest bob;

    private static String message(long seq, long ts) {
        return "{\"seq\":" + seq + ",\"id\":\"c0ffee00-0000-4000-8000-" + String.format("%012d", seq) + "\",\"ts\":"
                + ts + "," + PEER + ",\"text\":\"hi\"}";
    }

    @Start
    void start(Stage stage) throws Exception {
        String registry = servers.registry();
        lobby = servers.group("Lobby", temp.resolve("lobby"), TestServers.ANY_PORT, registry);
        evil = new HostileServer(request -> List.of(REPLIES.get(Math.floorMod(next.getAndIncrement(), REPLIES.size()))
                .getBytes(StandardCharsets.UTF_8)));
        Thread fx = Thread.currentThread();
        fx.setUncaughtExceptionHandler((thread, error) -> escaped.add(error));
        bob = AppUnderTest.open(
                stage,
                temp.resolve("bob"),
                "Bob",
                registry,
                List.of(
                        new JoinedGroup("Lobby", lobby.advertisedEndpoint()),
                        new JoinedGroup("Evil", evil.endpoint())));
    }

    @AfterEach
    void stop() throws Exception {
        bob.quit();
        evil.close();
        servers.close();
    }

    @Test
    void theHostileTabSaysItsServerBrokeTheProtocolAndTheRealTabKeepsChatting() throws Exception {
        Fx.get(() -> {
            Labeled notice = (Labeled) bob.tab("Evil").getContent().lookup(".notice");
            notice.textProperty().addListener((obs, was, now) -> notices.add(now));
            return null;
        });
        await().atMost(60, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(notices)
                        .as("after %d hostile replies", evil.replies())
                        .anyMatch(notice -> notice.contains("broke the protocol")));
        long started = System.nanoTime();
        await().atMost(90, TimeUnit.SECONDS).until(() -> evil.replies() >= REPLIES.size());
        // it asks again as after a timeout, backing off (250 ms doubling to 5 s): it never hammers a broken server
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(evil.replies()).as("requests in %.1f s", seconds).isLessThan(REPLIES.size() + 4 + (long) (seconds));

        try (GroupClient alice = new GroupClient(
                lobby.advertisedEndpoint(), new User("00000000-0000-4000-8000-00000000a11c", "Alice"))) {
            alice.join();
            alice.send("still here");
        }
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> bob.messageTexts("Lobby").contains("still here"));

        assertThat(Fx.get(() -> Platform.isFxApplicationThread())).isTrue();
        assertThat(evil.failure()).isNull();
        assertThat(escaped).isEmpty();
        assertThat(bob.lines("Evil"))
                .allSatisfy(line -> assertThat(line.sender().name().length()).isLessThan(1_000));
    }
}
