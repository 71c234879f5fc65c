package org.groupchat.desktop.hosting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.Endpoint;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.ServerSecurity;
import org.groupchat.server.ServerStartException;

/**
 * The servers this app runs in its own process: the bundled registry and "Lobby" when no registry answers,
 * and groups the user hosts with "New group…". They run with security (CURVE) unless told otherwise, with their
 * key pairs in the data folder's {@code keys}. Blocking (binds sockets, opens SQLite): call off the UI thread.
 */
public final class LocalServers implements AutoCloseable {
    public static final String LOBBY = "Lobby";

    private final Path dataDir;
    private final Path sharedDir;
    private final boolean secure;
    private final String ownerId;
    private final List<AutoCloseable> running = new ArrayList<>();
    private boolean closed;

    /**
     * Servers keeping hosted groups in {@code dataDir} (the profile's) and the bundled registry and Lobby in
     * {@code sharedDir}, shared by every profile of this computer user, so whichever app starts them uses the same
     * keys and history, and any profile can read the registry's public key.
     */
    public LocalServers(Path dataDir, Path sharedDir, boolean secure) {
        this(dataDir, sharedDir, secure, null);
    }

    /**
     * As above; with security, {@code ownerId} (the user id of this profile's key) owns the groups it hosts (protocol
     * 1.4 moderation): the key that first hosts a group stays its owner.
     */
    public LocalServers(Path dataDir, Path sharedDir, boolean secure, String ownerId) {
        this.dataDir = dataDir;
        this.sharedDir = sharedDir;
        this.secure = secure;
        this.ownerId = ownerId;
    }

    public LocalServers(Path dataDir, boolean secure) {
        this(dataDir, dataDir, secure);
    }

    /** Secure local servers. */
    public LocalServers(Path dataDir) {
        this(dataDir, true);
    }

    /** The public key of the bundled registry as this computer user's app wrote it, if it ever ran securely. */
    public Optional<String> bundledRegistryKey() {
        Path file = sharedDir.resolve("keys").resolve("registry.key");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFiles.publicKeyFrom(file.toString()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts a registry bound to {@code registryAddress} and a "Lobby" group registered with it; returns the
     * registry's public key, or null without security.
     */
    public synchronized String startBundled(String registryAddress) {
        refuseOnceClosed();
        RegistryConfig config = RegistryConfig.bindingTo(registryAddress);
        CurveKeyPair keys = secure ? KeyFiles.loadOrCreate(sharedDir.resolve("keys"), "registry") : null;
        RegistryServer registry =
                new RegistryServer(keys == null ? config : config.withSecurity(ServerSecurity.withKeys(keys)));
        registry.start();
        running.add(registry);
        String registryKey = keys == null ? null : keys.publicKey();
        hostLobby(registryAddress, registryKey);
        return registryKey;
    }

    /**
     * The Lobby listens where it listened last time when that port is free, so tabs saved with its address reach it at
     * once after a restart instead of timing out there and following it through the registry.
     */
    private void hostLobby(String registryAddress, String registryKey) {
        RememberedPort last = new RememberedPort(
                sharedDir.resolve("groups").resolve(folderName(LOBBY)).resolve("port"));
        int port = last.read();
        Hosted lobby;
        try {
            lobby = host(LOBBY, sharedDir, lobbyBind(port), registryAddress, registryKey);
        } catch (ServerStartException taken) {
            if (port == 0) {
                throw taken;
            }
            lobby = host(LOBBY, sharedDir, lobbyBind(0), registryAddress, registryKey);
        }
        last.write(Endpoint.parse(lobby.endpoint()).port());
    }

    private static String lobbyBind(int port) {
        return "tcp://127.0.0.1:" + (port == 0 ? "*" : Integer.toString(port));
    }

    /**
     * Hosts a group in this process, registered with the registry ({@code registryKey}: its public key, or null
     * for one without security); returns where it listens and its key.
     */
    public synchronized Hosted host(String name, String bind, String registryAddress, String registryKey) {
        return host(name, dataDir, bind, registryAddress, registryKey);
    }

    private Hosted host(String name, Path base, String bind, String registryAddress, String registryKey) {
        refuseOnceClosed();
        Path folder = base.resolve("groups").resolve(folderName(name));
        SqliteMessageStore store;
        try {
            Files.createDirectories(folder);
            store = SqliteMessageStore.open(folder.resolve("group.db"), Durability.PROCESS_CRASH);
        } catch (IOException | RuntimeException e) {
            throw new ServerStartException("cannot open the message store in " + folder + ": " + e.getMessage(), e);
        }
        CurveKeyPair keys;
        try {
            keys = secure ? KeyFiles.loadOrCreate(base.resolve("keys"), "group-" + folderName(name)) : null;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        GroupServerConfig config =
                GroupServerConfig.of(name, bind, registryAddress).withRegistryKey(registryKey);
        if (keys != null && ownerId != null) {
            config = config.withOwners(List.of(ownerId));
        }
        GroupServer server =
                new GroupServer(keys == null ? config : config.withSecurity(ServerSecurity.withKeys(keys)), store);
        try {
            server.start();
        } catch (RuntimeException e) {
            // the server closes its store when it stops, but one that never started has not
            store.close();
            throw e;
        }
        running.add(server);
        return new Hosted(server.advertisedEndpoint(), keys == null ? null : keys.publicKey());
    }

    /** A probe still under way when the user quits must not start servers that nothing would stop. */
    private void refuseOnceClosed() {
        if (closed) {
            throw new ServerStartException("the app is quitting: it starts no more servers", null);
        }
    }

    private static String folderName(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.append(Character.isLetterOrDigit(c) ? Character.toString(c) : "_"));
        return safe + "-" + Integer.toHexString(name.hashCode());
    }

    /** Stops every server, newest first, so groups unregister before the registry goes; starts none after. */
    @Override
    public synchronized void close() {
        closed = true;
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // keep stopping the others
            }
        }
        running.clear();
    }
}
