package org.groupchat.desktop.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.groupchat.client.RegistryClient;
import org.groupchat.desktop.registry.RegistryAddress;
import org.groupchat.desktop.registry.RegistryProbe;
import org.groupchat.server.ServerStartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalServersTest {
    @TempDir
    Path temp;

    @Test
    void onceClosedItStartsNoServers() throws Exception {
        String address;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            address = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        LocalServers servers = new LocalServers(temp);
        // the user quits while the first probe is still waiting for an answer
        servers.close();

        assertThatThrownBy(() -> servers.startBundled(address))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("quitting");
        assertThatThrownBy(() -> servers.host("Team", "tcp://127.0.0.1:*", address, null))
                .isInstanceOf(ServerStartException.class)
                .hasMessageContaining("quitting");
        // and nothing answers at the registry's address
        assertThat(RegistryProbe.of(new RegistryAddress(address, null))).isEqualTo(RegistryProbe.SILENT);
    }

    @Test
    void theLobbyListensWhereItDidBeforeTheAppRestarted() throws Exception {
        String before = lobbyEndpointOfAFirstStart();

        try (LocalServers again = new LocalServers(temp, false)) {
            again.startBundled(freeAddress());

            assertThat(lobbyEndpoint()).isEqualTo(before);
        }
    }

    @Test
    void whenItsOldPortIsTakenTheLobbyTakesAnother() throws Exception {
        String before = lobbyEndpointOfAFirstStart();
        int oldPort = Integer.parseInt(before.substring(before.lastIndexOf(':') + 1));

        try (ServerSocket squatter = new ServerSocket(oldPort, 1, InetAddress.getLoopbackAddress());
                LocalServers again = new LocalServers(temp, false)) {
            again.startBundled(freeAddress());

            assertThat(lobbyEndpoint()).isNotEqualTo(before).startsWith("tcp://127.0.0.1:");
        }
    }

    private String registry;

    /** Starts and stops the bundled servers once, as a first run of the app does; where the Lobby was. */
    private String lobbyEndpointOfAFirstStart() throws Exception {
        try (LocalServers first = new LocalServers(temp, false)) {
            first.startBundled(freeAddress());
            return lobbyEndpoint();
        }
    }

    private String freeAddress() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            registry = "tcp://127.0.0.1:" + free.getLocalPort();
        }
        return registry;
    }

    /** Where the registry the servers started says the Lobby is. */
    private String lobbyEndpoint() {
        try (RegistryClient client = new RegistryClient(registry)) {
            return await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> client.list().stream()
                                    .filter(g -> g.name().equals(LocalServers.LOBBY))
                                    .map(g -> g.endpoint())
                                    .findFirst()
                                    .orElse(null),
                            endpoint -> endpoint != null);
        }
    }
}
