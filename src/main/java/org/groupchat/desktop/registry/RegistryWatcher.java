package org.groupchat.desktop.registry;

import java.time.Duration;
import java.util.List;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.HandshakeRefusedException;
import org.groupchat.client.RegistryClient;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.GroupInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the registry for the live groups every {@code periodMs} on its own named thread, which owns the
 * registry socket, and reports each answer (or failure, saying when the registry refused our handshake) through
 * the UI bridge. An unexpected error (even an {@link Error} from inside JeroMQ) is logged and the watcher goes on with
 * a fresh socket.
 */
public final class RegistryWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);
    /** As patient as the first probe ({@code LocalServers.probe}): a registry on a busy machine can be slow. */
    private static final ClientOptions OPTIONS = new ClientOptions(Duration.ofMillis(2_500), 0, Duration.ofMillis(100));

    /** What the watcher reports, on the UI thread. */
    public interface Listener {
        void groupsListed(RegistryAddress from, List<GroupInfo> groups);

        void registryUnreachable(RegistryAddress from, String message);

        /** The registry dropped our handshake: a key is missing or does not match. */
        void registryRefused(RegistryAddress from, String message);
    }

    private final UiExecutor ui;
    private final Listener listener;
    private final long periodMs;
    private final Object signal = new Object();
    private final Thread thread;
    private RegistryAddress address;
    private boolean running = true;
    private boolean changed;

    public RegistryWatcher(RegistryAddress address, long periodMs, UiExecutor ui, Listener listener) {
        this.address = address;
        this.periodMs = periodMs;
        this.ui = ui;
        this.listener = listener;
        this.thread = new Thread(this::run, "registry-watcher");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Watches another registry from now on, asking it at once. */
    public void watch(RegistryAddress newAddress) {
        synchronized (signal) {
            address = newAddress;
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
        RegistryAddress current = null;
        RegistryClient client = null;
        try {
            while (isRunning()) {
                try {
                    RegistryAddress wanted = currentAddress();
                    if (client == null || !wanted.equals(current)) {
                        closeQuietly(client);
                        client = null;
                        current = wanted;
                        client = connect(current);
                    }
                    if (client != null) {
                        ask(client, current);
                    }
                } catch (RuntimeException | AssertionError e) {
                    // e.g. an AssertionError inside JeroMQ when a peer drops the connection in mid-request
                    LOG.error("the registry watcher failed unexpectedly; it goes on with a fresh socket", e);
                    closeQuietly(client);
                    client = null;
                }
                pause();
            }
        } finally {
            closeQuietly(client);
        }
    }

    private static void closeQuietly(RegistryClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (RuntimeException | AssertionError e) {
            LOG.warn("could not close the registry watcher's socket", e);
        }
    }

    /** A client for {@code address}, or null (said to the listener) when it cannot even be dialled, e.g. an unknown host. */
    private RegistryClient connect(RegistryAddress address) {
        try {
            return new RegistryClient(null, address.endpoint(), OPTIONS, address.keys());
        } catch (RuntimeException e) {
            LOG.debug("cannot dial {}", address.endpoint(), e);
            ui.onUi(() -> listener.registryUnreachable(
                    address, "Cannot reach a registry at " + address.endpoint() + ": " + e.getMessage()));
            return null;
        }
    }

    private void ask(RegistryClient client, RegistryAddress address) {
        try {
            List<GroupInfo> groups = client.list();
            ui.onUi(() -> listener.groupsListed(address, groups));
        } catch (HandshakeRefusedException e) {
            ui.onUi(() -> listener.registryRefused(address, address.refusal()));
        } catch (GroupChatException e) {
            ui.onUi(() -> listener.registryUnreachable(address, "No registry answers at " + address.endpoint() + "."));
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

    private RegistryAddress currentAddress() {
        synchronized (signal) {
            return address;
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
