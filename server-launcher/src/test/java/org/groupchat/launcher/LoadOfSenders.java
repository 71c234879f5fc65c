package org.groupchat.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * Users that each send messages in a loop and keep retrying an unacknowledged message with its id until it is
 * acknowledged, through crashes and restarts of the server; remembers every acknowledgement.
 */
final class LoadOfSenders implements AutoCloseable {
    private static final ClientOptions IMPATIENT = new ClientOptions(Duration.ofMillis(400), 0, Duration.ofMillis(10));

    private final String endpoint;
    private final List<User> users = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Message> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    LoadOfSenders(String endpoint, int count) {
        this.endpoint = endpoint;
        for (int i = 0; i < count; i++) {
            users.add(new User(UUID.randomUUID().toString(), "sender-" + i));
        }
    }

    List<User> users() {
        return users;
    }

    void joinAll() {
        for (User user : users) {
            try (GroupClient client = new GroupClient(endpoint, user)) {
                client.join();
            }
        }
    }

    void start() {
        for (User user : users) {
            Thread thread = new Thread(() -> sendUntilStopped(user), "load-" + user.name());
            threads.add(thread);
            thread.start();
        }
    }

    private void sendUntilStopped(User user) {
        GroupClient client = new GroupClient(null, endpoint, user, IMPATIENT);
        int n = 0;
        String pendingId = null;
        String pendingText = null;
        try {
            while (!stopping.get() || pendingId != null) {
                if (pendingId == null) {
                    pendingId = UUID.randomUUID().toString();
                    pendingText = user.name() + " #" + (++n);
                }
                try {
                    Message stored = client.send(pendingId, pendingText);
                    acknowledged.put(pendingId, stored);
                    pendingId = null;
                } catch (GroupChatException e) {
                    failedAttempts.incrementAndGet();
                    client.close();
                    client = new GroupClient(null, endpoint, user, IMPATIENT);
                }
            }
        } finally {
            client.close();
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int failedAttempts() {
        return failedAttempts.get();
    }

    Map<String, Message> acknowledged() {
        return acknowledged;
    }

    /** Stops sending new messages and waits until every in-flight one is acknowledged. */
    @Override
    public void close() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }
}
