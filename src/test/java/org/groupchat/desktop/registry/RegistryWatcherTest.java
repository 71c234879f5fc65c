package org.groupchat.desktop.registry;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.groupchat.desktop.testing.SameThreadUiExecutor;
import org.groupchat.desktop.testing.TestServers;
import org.groupchat.protocol.GroupInfo;
import org.junit.jupiter.api.Test;

class RegistryWatcherTest {

    @Test
    void anUnexpectedErrorInItsThreadIsLoggedAndTheWatcherGoesOn() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        List<List<GroupInfo>> listed = new CopyOnWriteArrayList<>();
        // the listener runs on the watcher's thread here, so its first answer fails there as JeroMQ's
        // "assert !more" in LB.sendpipe does when a peer drops the connection in mid-request
        RegistryWatcher.Listener listener = new RegistryWatcher.Listener() {
            @Override
            public void groupsListed(RegistryAddress from, List<GroupInfo> groups) {
                if (thrown.compareAndSet(false, true)) {
                    throw new AssertionError("unexpected, on the watcher's thread");
                }
                listed.add(groups);
            }

            @Override
            public void registryUnreachable(RegistryAddress from, String message) {}

            @Override
            public void registryRefused(RegistryAddress from, String message) {}
        };
        try (TestServers servers = new TestServers();
                RegistryWatcher watcher = new RegistryWatcher(
                        new RegistryAddress(servers.registry(), null), 100, new SameThreadUiExecutor(), listener)) {
            watcher.start();
            await().atMost(Duration.ofSeconds(30)).untilTrue(thrown);

            // the next round's LIST still arrives: the watcher's thread went on
            await().atMost(Duration.ofSeconds(30)).until(() -> !listed.isEmpty());
        }
    }
}
