package org.groupchat.launcher.servers;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.groupchat.group.GroupCandidate;
import org.groupchat.group.GroupLease;
import org.groupchat.group.GroupServer;
import org.groupchat.group.PostgresDatabase;
import org.groupchat.group.PostgresMessageStore;
import org.groupchat.group.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One group kept in PostgreSQL, run by whichever server holds its turn: this launcher stands by until the database
 * gives it the group, then serves it until another server takes a newer epoch, then stands by again. Prints
 * {@code standby} and {@code active} as it changes. A thread of its own waits and takes turns; the group server runs
 * on its own thread as ever.
 */
final class GroupTurns implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupTurns.class);

    private final String name;
    private final PostgresDatabase database;
    private final long leaseMs;
    private final GroupCandidate candidate;
    private final Function<PostgresMessageStore, GroupServer> serverFor;
    private final String registries;
    private final PrintWriter out;
    private final Consumer<String> onFailure;
    private final Thread thread;
    private volatile boolean closing;
    private volatile GroupServer active;
    private PostgresMessageStore activeStore;
    private String lastProblem;

    /**
     * {@code serverFor} makes (not starts) the group's server on a store opened for a turn. The first attempt to take the group is made
     * here, so the launcher's start-up lines say at once whether this process is active or stands by.
     */
    GroupTurns(
            String name,
            PostgresDatabase database,
            long leaseMs,
            String holder,
            Function<PostgresMessageStore, GroupServer> serverFor,
            String registries,
            PrintWriter out,
            Consumer<String> onFailure) {
        this.registries = registries;
        this.name = name;
        this.database = database;
        this.leaseMs = leaseMs;
        this.candidate = database.candidate(name, holder, leaseMs);
        this.serverFor = serverFor;
        this.out = out;
        this.onFailure = onFailure;
        if (!tryToServe()) {
            say(
                    "group     %s  standby  (another server is active; this one takes over when its turn of %d ms runs out)",
                    name, leaseMs);
        }
        thread = new Thread(this::run, "turns-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long pollMs = Math.max(50, leaseMs / 20);
        while (!closing) {
            GroupServer serving;
            PostgresMessageStore store;
            synchronized (this) {
                serving = active;
                store = activeStore;
            }
            if (serving != null) {
                awaitEnd(serving, store);
            } else {
                pause(pollMs);
                if (!closing) {
                    tryToServe();
                }
            }
        }
    }

    /** Takes the group if its turn is free and starts serving; false while another server holds it or on failure. */
    private synchronized boolean tryToServe() {
        if (closing) {
            return false;
        }
        Optional<GroupLease> lease;
        try {
            lease = candidate.tryTake();
            lastProblem = null;
        } catch (StorageException e) {
            if (!e.getMessage().equals(lastProblem)) {
                LOG.warn("group \"{}\" stands by: {}", name, e.getMessage());
                lastProblem = e.getMessage();
            }
            return false;
        }
        if (lease.isEmpty()) {
            return false;
        }
        long tookNanos = System.nanoTime();
        PostgresMessageStore store;
        try {
            store = database.open(name, lease.get());
        } catch (StorageException e) {
            LOG.warn("group \"{}\": could not open its store: {}", name, e.getMessage());
            return false;
        }
        long stored = store.lastSeq();
        GroupServer server = serverFor.apply(store);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            LOG.warn("group \"{}\": could not start serving: {}", name, e.getMessage());
            return false;
        }
        active = server;
        activeStore = store;
        LOG.info(
                "group \"{}\": took the turn (epoch {}) and started serving in {} ms",
                name,
                lease.get().epoch(),
                (System.nanoTime() - tookNanos) / 1_000_000);
        say(
                "group     %s  %s  active, epoch %d  (%d messages in %s; registry %s)",
                name, server.advertisedEndpoint(), lease.get().epoch(), stored, database, registries);
        return true;
    }

    /** Waits until the turn is lost to a newer epoch or the server stops; then stands by again. */
    private void awaitEnd(GroupServer server, PostgresMessageStore store) {
        CompletableFuture<Object> ended = CompletableFuture.anyOf(store.lost(), server.stopped());
        try {
            ended.get(leaseMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            // the server stopped by failure: reported below
        }
        synchronized (this) {
            if (closing) {
                return;
            }
            active = null;
            activeStore = null;
        }
        if (store.lost().isDone()) {
            server.close();
            say("group     %s  standby  (%s)", name, store.lost().getNow(""));
        } else {
            onFailure.accept("the group \"" + name + "\" stopped unexpectedly");
        }
    }

    /** Null while standing by, or while the active server runs and turns its loop: for {@code /health}. */
    String problem() {
        GroupServer serving = active;
        return serving == null ? null : ServerHealth.problem("the group \"" + name + "\"", serving);
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        GroupServer serving;
        synchronized (this) {
            closing = true;
            serving = active;
            active = null;
        }
        thread.interrupt();
        if (serving != null) {
            serving.close();
        }
        synchronized (this) {
            candidate.close();
        }
    }
}
