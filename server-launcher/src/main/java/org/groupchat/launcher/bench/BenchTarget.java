package org.groupchat.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupDatabase;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.MessageStore;
import org.groupchat.group.PostgresDatabase;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.ServerSecurity;
import org.groupchat.transport.Contexts;
import org.zeromq.ZContext;

/**
 * Where the scenarios run: servers started in this process on 127.0.0.1 with their data in a temporary folder
 * (the default), or a running registry and group given by flags. Owns the clients' ZeroMQ context.
 */
final class BenchTarget implements AutoCloseable {
    static final GroupLimits LIMITS =
            GroupLimits.UNLIMITED_SENDS.withMaxMembers(10_000).withMaxParkedPolls(10_000);
    static final String HISTORY_GROUP = "bench-history";

    private final String remoteGroup;
    private final String remoteRegistry;
    private final PostgresDatabase database;
    private final String runId = Long.toHexString(System.nanoTime() & 0xffffffL);
    private final List<String> databaseGroups = new ArrayList<>();
    private final Path dataDir;
    private final ZContext clients = Contexts.create();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private LibzmqClients libzmq;

    BenchTarget(String remoteGroup, String remoteRegistry) {
        this(remoteGroup, remoteRegistry, null);
    }

    /** With {@code database}, the groups started here keep their messages there instead of in SQLite files. */
    BenchTarget(String remoteGroup, String remoteRegistry, PostgresDatabase database) {
        this.remoteGroup = remoteGroup;
        this.remoteRegistry = remoteRegistry;
        this.database = database;
        try {
            this.dataDir = Files.createTempDirectory("groupchat-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on the scenarios that can use them drive the servers with pyzmq clients run by {@code python}. */
    void useLibzmqClients(String python) {
        libzmq = new LibzmqClients(python, dataDir);
    }

    /** The libzmq clients, or null when the scenarios use JeroMQ clients in this JVM (the default). */
    LibzmqClients libzmq() {
        return libzmq;
    }

    ZContext clients() {
        return clients;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The scenario's name in the report: the store is named when it is not the default SQLite. */
    String scenario(String name) {
        String client = libzmq == null ? "" : " libzmq";
        return (database == null ? name : name + " postgresql") + client;
    }

    /** A group name of this run: in a shared database, each run has groups of its own, dropped when it ends. */
    String groupName(String name) {
        if (database == null) {
            return name;
        }
        String unique = name + "-" + runId;
        databaseGroups.add(unique);
        return unique;
    }

    /** Opens (creating) the store of a group started here. */
    MessageStore openStore(String name) {
        return openStore(dataDir, name);
    }

    /** Opens (creating) a group's store, its SQLite file in {@code dir}. */
    MessageStore openStore(Path dir, String name) {
        return database != null ? database.open(name) : GroupDatabase.open(dir, name, Durability.PROCESS_CRASH);
    }

    boolean runsOwnGroup() {
        return remoteGroup == null;
    }

    boolean runsOwnRegistry() {
        return remoteRegistry == null;
    }

    /** The group to load: the one given by flag, or a fresh group started here under this name. */
    String group(String name) {
        return remoteGroup != null ? remoteGroup : startGroup(openStore(name), name);
    }

    /** A fresh group started here with CURVE on, under these server keys. */
    String secureGroup(String name, CurveKeyPair keys) {
        return startGroup(
                GroupDatabase.open(dataDir, name, Durability.PROCESS_CRASH), name, ServerSecurity.withKeys(keys));
    }

    /** Starts a group in this process on an already-open store; it stops when this target closes. */
    String startGroup(MessageStore store, String name) {
        return startGroup(store, name, null, LIMITS);
    }

    /** Starts a group in this process on an already-open store, with these limits (retention, for one). */
    String startGroup(MessageStore store, String name, GroupLimits limits) {
        return startGroup(store, name, null, limits);
    }

    private String startGroup(MessageStore store, String name, ServerSecurity security) {
        return startGroup(store, name, security, LIMITS);
    }

    private String startGroup(MessageStore store, String name, ServerSecurity security, GroupLimits limits) {
        GroupServer server = new GroupServer(
                GroupServerConfig.of(name, "tcp://127.0.0.1:*", null)
                        .withLimits(limits)
                        .withSecurity(security),
                store);
        try {
            server.start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        started.push(server);
        return server.advertisedEndpoint();
    }

    String registry() {
        if (remoteRegistry != null) {
            return remoteRegistry;
        }
        RegistryServer server = new RegistryServer(RegistryConfig.bindingTo("tcp://127.0.0.1:*"));
        started.push(server);
        return server.start().toString();
    }

    /** Stops every server started so far, so the next scenario has the machine to itself. */
    void stopServers() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop a bench server: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        stopServers();
        clients.close();
        if (database != null) {
            databaseGroups.forEach(database::dropGroup);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
