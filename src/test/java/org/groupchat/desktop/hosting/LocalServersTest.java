package org.groupchat.desktop.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
}
