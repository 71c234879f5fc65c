package org.groupchat.desktop.groups;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.RegistryClient;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.GroupInfo;

/**
 * Asks the registry for the live groups every {@code periodMs} on its own named thread, which owns the
 * registry socket, and reports each answer (or failure) through the UI bridge.
 */
public final class RegistryWatcher implements AutoCloseable {
    private static final ClientOptions OPTIONS = new ClientOptions(Duration.ofMillis(1_000), 0, Duration.ofMillis(100));

    private final UiExecutor ui;
    private final Consumer<List<GroupInfo>> onGroups;
    private final Consumer<String> onFailure;
    private final long periodMs;
    private final Object signal = new Object();
    private final Thread thread;
    private String endpoint;
    private boolean running = true;
    private boolean changed;

    public RegistryWatcher(String endpoint, long periodMs, UiExecutor ui, Consumer<List<GroupInfo>> onGroups,
            Consumer<String> onFailure) {
        this.endpoint = endpoint;
        this.periodMs = periodMs;
        this.ui = ui;
        this.onGroups = onGroups;
        this.onFailure = onFailure;
        this.thread = new Thread(this::run, "registry-watcher");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Watches another registry from now on, asking it at once. */
    public void watch(String newEndpoint) {
        synchronized (signal) {
            endpoint = newEndpoint;
            changed = true;
            signal.notifyAll();
        }
    }

    /** Asks again now, e.g. after starting a group. */
    public void refreshNow() {
        synchronized (signal) {
            changed = true;
            signal.notifyAll();
        }
    }

    private void run() {
        String current = currentEndpoint();
        RegistryClient client = new RegistryClient(null, current, OPTIONS);
        try {
            while (isRunning()) {
                String wanted = currentEndpoint();
                if (!wanted.equals(current)) {
                    client.close();
                    current = wanted;
                    client = new RegistryClient(null, current, OPTIONS);
                }
                ask(client, current);
                pause();
            }
        } finally {
            client.close();
        }
    }

    private void ask(RegistryClient client, String address) {
        try {
            List<GroupInfo> groups = client.list();
            ui.onUi(() -> onGroups.accept(groups));
        } catch (GroupChatException e) {
            ui.onUi(() -> onFailure.accept("No registry answers at " + address + "."));
        }
    }

    private void pause() {
        synchronized (signal) {
            long until = System.currentTimeMillis() + periodMs;
            while (running && !changed && System.currentTimeMillis() < until) {
                try {
                    signal.wait(Math.max(1, until - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            changed = false;
        }
    }

    private String currentEndpoint() {
        synchronized (signal) {
            return endpoint;
        }
    }

    private boolean isRunning() {
        synchronized (signal) {
            return running;
        }
    }

    @Override
    public void close() {
        synchronized (signal) {
            running = false;
            signal.notifyAll();
        }
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
