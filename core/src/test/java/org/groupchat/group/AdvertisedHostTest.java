package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.groupchat.protocol.Endpoint;
import org.junit.jupiter.api.Test;

/** A group bound to * tells the registry the address of the interface that routes to the registry. */
class AdvertisedHostTest {
    @Test
    void theAddressChosenIsTheOneTheRegistryIsReachedFrom() throws Exception {
        List<String> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(nic -> !isLoopbackOrDown(nic))
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address)
                .map(InetAddress::getHostAddress)
                .toList();
        assumeFalse(own.isEmpty(), "this machine has no IPv4 interface besides loopback");
        for (String address : own) {
            assertThat(AdvertisedHost.guess(new Endpoint(address, 5555)))
                    .as("registry at %s", address)
                    .isEqualTo(address);
        }
    }

    @Test
    void aRegistryOnLoopbackOrNoneGetsTheLanAddress() {
        assertThat(AdvertisedHost.guess(new Endpoint("127.0.0.1", 5555))).isEqualTo(AdvertisedHost.guess(null));
    }

    private static boolean isLoopbackOrDown(NetworkInterface nic) {
        try {
            return nic.isLoopback() || !nic.isUp();
        } catch (SocketException e) {
            return true;
        }
    }
}
