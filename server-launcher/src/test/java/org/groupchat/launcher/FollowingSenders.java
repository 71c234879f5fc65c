package org.groupchat.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.GroupClient;
import org.groupchat.client.Registries;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.zeromq.ZContext;

/**
 * Users who send to one group without pause, each on a thread of its own, finding it through several registries and
 * following it when it moves. A SEND that fails is sent again with the same message id until it is acknowledged;
 * every acknowledgement is kept to be checked against what the group stored.
 */
final class FollowingSenders implements AutoCloseable {
    static final ClientOptions QUICK = new ClientOptions(Duration.ofMillis(500), 1, Duration.ofMillis(50), true);

    private final Map<String, Message> acked = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    FollowingSenders(int count, String group, String registries) {
        for (int i = 0; i < count; i++) {
            User user = new User(UUID.randomUUID().toString(), "Sender " + i);
            Thread thread = new Thread(() -> run(user, group, registries), "sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(User user, String group, String registryList) {
        // One context per sender for all its sockets: a context per lookup would start and stop I/O threads each time.
        try (ZContext context = new ZContext()) {
            send(context, user, group, Registries.parse(context, registryList, QUICK, null));
        }
    }

    private void send(ZContext context, User user, String group, Registries registries) {
        String endpoint = null;
        while (endpoint == null && !stopping) {
            endpoint = registries.locatorOf(group).endpointNow();
        }
        try (GroupClient client = new GroupClient(context, endpoint, user, QUICK, null, registries.locatorOf(group))) {
            while (!stopping && !joined(client)) {
                failures.incrementAndGet();
            }
            for (int n = 0; !stopping; n++) {
                String id = UUID.randomUUID().toString();
                Message stored = null;
                // The last message is sent until acknowledged even while stopping: no SEND is left in doubt.
                while (stored == null) {
                    try {
                        stored = client.send(id, user.name() + " #" + n);
                    } catch (GroupChatException e) {
                        failures.incrementAndGet();
                    }
                }
                acked.put(id, stored);
            }
        }
    }

    private static boolean joined(GroupClient client) {
        try {
            client.join();
            return true;
        } catch (GroupChatException e) {
            return false;
        }
    }

    /** Every acknowledged message by id, as the acknowledgement gave it. */
    Map<String, Message> acked() {
        return acked;
    }

    int ackedCount() {
        return acked.size();
    }

    /** Requests that failed and were sent again. */
    int failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
