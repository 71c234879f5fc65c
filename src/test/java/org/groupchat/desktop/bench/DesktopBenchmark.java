package org.groupchat.desktop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.groupchat.desktop.chat.ChatLine;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.testing.AppUnderTest;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupServer;
import org.groupchat.group.NewMessage;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.User;

/**
 * Measures the two figures with real app windows (headless Monocle) and real servers on loopback:
 * delivery latency from one client's send to another client's open tab, and the time a tab on a group with
 * 100,000 stored messages takes to show its newest page. A harness, not a test:
 * {@code mvn -pl desktop exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.groupchat.desktop.bench.DesktopBenchmark}
 */
public final class DesktopBenchmark {
    private static final int LATENCY_SAMPLES = 300;
    private static final int BIG_GROUP = 100_000;
    private static final int OPEN_RUNS = 10;

    private DesktopBenchmark() {}

    public static void main(String[] args) throws Exception {
        headless();
        Platform.startup(() -> {});
        Path temp = Files.createTempDirectory("groupchat-bench");
        try (TestServers servers = new TestServers()) {
            String registry = servers.registry();
            GroupServer chat = servers.group("Bench", temp.resolve("bench"), TestServers.ANY_PORT, registry);
            GroupServer big = bigGroup(servers, temp, registry);
            AppUnderTest ada = onFx(() -> AppUnderTest.open(
                    new Stage(),
                    temp.resolve("ada"),
                    "Ada",
                    registry,
                    List.of(new JoinedGroup("Bench", chat.advertisedEndpoint()))));
            AppUnderTest bob = onFx(() -> AppUnderTest.open(
                    new Stage(),
                    temp.resolve("bob"),
                    "Bob",
                    registry,
                    List.of(new JoinedGroup("Bench", chat.advertisedEndpoint()))));
            report("delivery latency to another open tab", deliveryLatency(ada, bob));
            report("newest page of a " + BIG_GROUP + "-message group shown", openTimes(bob, big));
            ada.quit();
            bob.quit();
        }
        Platform.exit();
        System.exit(0);
    }

    private static List<Double> deliveryLatency(AppUnderTest ada, AppUnderTest bob) throws Exception {
        ChatTabViewModel sender = onFx(() -> ada.app.model().tabs().get(0));
        ChatTabViewModel receiver = onFx(() -> bob.app.model().tabs().get(0));
        waitUntil(() -> onFx(() -> sender.connectionProperty().get().name().equals("CONNECTED")
                && receiver.connectionProperty().get().name().equals("CONNECTED")));
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < LATENCY_SAMPLES + 20; i++) {
            String text = "probe " + i;
            CountDownLatch seen = new CountDownLatch(1);
            AtomicLong sentAt = new AtomicLong();
            AtomicLong seenAt = new AtomicLong();
            ListChangeListener<ChatLine> watch = change -> {
                while (change.next()) {
                    if (change.getAddedSubList().stream().anyMatch(l -> l.text().equals(text))) {
                        seenAt.set(System.nanoTime());
                        seen.countDown();
                    }
                }
            };
            onFx(() -> {
                receiver.lines().addListener(watch);
                sender.draftProperty().set(text);
                sentAt.set(System.nanoTime());
                sender.send();
                return null;
            });
            if (!seen.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(text + " never arrived");
            }
            onFx(() -> {
                receiver.lines().removeListener(watch);
                return null;
            });
            if (i >= 20) {
                samples.add((seenAt.get() - sentAt.get()) / 1e6);
            }
        }
        return samples;
    }

    private static List<Double> openTimes(AppUnderTest bob, GroupServer big) throws Exception {
        GroupInfo info = new GroupInfo("Big", big.advertisedEndpoint(), 0, 0, BIG_GROUP, 0);
        List<Double> samples = new ArrayList<>();
        List<Double> tabBuilt = new ArrayList<>();
        List<Double> dataArrived = new ArrayList<>();
        for (int run = 0; run < OPEN_RUNS; run++) {
            CompletableFuture<Long> shown = new CompletableFuture<>();
            AtomicLong started = new AtomicLong();
            AtomicLong built = new AtomicLong();
            AtomicLong arrived = new AtomicLong();
            onFx(() -> {
                started.set(System.nanoTime());
                bob.app.model().join(info);
                built.set(System.nanoTime());
                ChatTabViewModel tab = bob.app.model().selectedTabProperty().get();
                tab.lines().addListener((ListChangeListener<ChatLine>) change -> {
                    if (arrived.get() == 0) {
                        arrived.set(System.nanoTime());
                        // the first pulse after the page arrived lays it out and draws it
                        Runnable[] once = new Runnable[1];
                        once[0] = () -> {
                            shown.complete(System.nanoTime());
                            Platform.runLater(() -> bob.stage.getScene().removePostLayoutPulseListener(once[0]));
                        };
                        bob.stage.getScene().addPostLayoutPulseListener(once[0]);
                    }
                });
                return null;
            });
            samples.add((shown.get(10, TimeUnit.SECONDS) - started.get()) / 1e6);
            tabBuilt.add((built.get() - started.get()) / 1e6);
            dataArrived.add((arrived.get() - started.get()) / 1e6);
            onFx(() -> {
                ChatTabViewModel tab = bob.app.model().selectedTabProperty().get();
                bob.app.model().leave(tab);
                return null;
            });
        }
        report("  of which: tab built (FXML, session started)", tabBuilt);
        report("  of which: newest page data on the FX thread", dataArrived);
        return samples;
    }

    private static GroupServer bigGroup(TestServers servers, Path temp, String registry) throws Exception {
        Files.createDirectories(temp.resolve("big"));
        SqliteMessageStore store = SqliteMessageStore.open(temp.resolve("big/group.db"), Durability.PROCESS_CRASH);
        User carol = new User(UUID.randomUUID().toString(), "Carol");
        long start = System.currentTimeMillis() - BIG_GROUP * 1_000L;
        for (int batch = 0; batch < BIG_GROUP / 10_000; batch++) {
            List<NewMessage> messages = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                messages.add(new NewMessage(
                        UUID.randomUUID().toString(),
                        carol,
                        "message " + (batch * 10_000 + i) + " with some ordinary chat text in it"));
            }
            store.bulkAppend(messages, start + batch * 10_000_000L);
        }
        return servers.group("Big", store, TestServers.ANY_PORT, registry);
    }

    private static void report(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        System.out.println("  samples in run order: "
                + samples.stream().map(d -> String.format("%.0f", d)).toList());
        System.out.printf(
                "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                what, sorted.size(), pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.onSpinWait();
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(15, TimeUnit.SECONDS);
    }

    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "2400x900-32");
        System.setProperty("groupchat.noNotifications", "true");
    }
}
