package org.groupchat.desktop.hosting;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.RegistryClient;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupServer;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.Endpoint;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.registry.RegistryServer;
import org.groupchat.server.ServerStartException;

/**
 * The servers this app runs in its own process: the bundled registry and "Lobby" when no registry answers,
 * and groups the user hosts with "New group…". Blocking (binds sockets, opens SQLite): call off the UI thread.
 */
public final class LocalServers implements AutoCloseable {
    public static final String LOBBY = "Lobby";
    private static final ClientOptions PROBE = new ClientOptions(Duration.ofMillis(700), 0, Duration.ofMillis(100));

    private final Path dataDir;
    private final List<AutoCloseable> running = new ArrayList<>();

    public LocalServers(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** True when a registry answers PING at {@code address}. */
    public static boolean registryAnswers(String address) {
        try (RegistryClient client = new RegistryClient(null, address, PROBE)) {
            return "registry".equals(client.ping().role());
        } catch (GroupChatException e) {
            return false;
        }
    }

    /** Whether the app may start a registry for this address: only on this machine. */
    public static boolean isLocal(String address) {
        String host = Endpoint.parse(address).host().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.equals("*")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Starts a registry bound to {@code registryAddress} and a "Lobby" group registered with it. */
    public synchronized void startBundled(String registryAddress) {
        RegistryServer registry = new RegistryServer(RegistryConfig.bindingTo(registryAddress));
        registry.start();
        running.add(registry);
        host(LOBBY, "tcp://127.0.0.1:*", registryAddress);
    }

    /** Hosts a group in this process, registered with the registry; returns its advertised endpoint. */
    public synchronized String host(String name, String bind, String registryAddress) {
        Path folder = dataDir.resolve("groups").resolve(folderName(name));
        SqliteMessageStore store;
        try {
            Files.createDirectories(folder);
            store = SqliteMessageStore.open(folder.resolve("group.db"), Durability.PROCESS_CRASH);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ServerStartException("cannot open the message store in " + folder + ": " + e.getMessage(), e);
        }
        GroupServer server = new GroupServer(GroupServerConfig.of(name, bind, registryAddress), store);
        try {
            server.start();
        } catch (RuntimeException e) {
            // the server closes its store when it stops, but one that never started has not
            store.close();
            throw e;
        }
        running.add(server);
        return server.advertisedEndpoint();
    }

    private static String folderName(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.append(Character.isLetterOrDigit(c) ? Character.toString(c) : "_"));
        return safe + "-" + Integer.toHexString(name.hashCode());
    }

    /** Stops every server, newest first, so groups unregister before the registry goes. */
    @Override
    public synchronized void close() {
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
