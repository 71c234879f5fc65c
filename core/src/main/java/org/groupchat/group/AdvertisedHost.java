package org.groupchat.group;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import org.groupchat.protocol.Endpoint;

/** Picks the address to give the registry when a group binds to every interface and no host was named. */
final class AdvertisedHost {
    private AdvertisedHost() {}

    /** A group bound to every interface is advertised as the given host, or the address that routes to the registry. */
    static Endpoint advertise(Endpoint bound, GroupServerConfig config) {
        if (!bound.isWildcard()) {
            return bound;
        }
        return bound.withHost(
                config.advertiseHost() != null
                        ? config.advertiseHost()
                        : guess(
                                config.registries().isEmpty()
                                        ? null
                                        : config.registries().get(0)));
    }

    /**
     * The address of the interface the kernel routes to {@code registry} through (a second LAN card or docker0 would
     * be wrong); for a registry on this machine or none, the first site-local IPv4 address, else 127.0.0.1.
     */
    static String guess(Endpoint registry) {
        if (registry != null) {
            String routed = routedTowards(registry);
            if (routed != null) {
                return routed;
            }
        }
        return firstSiteLocal();
    }

    private static String routedTowards(Endpoint registry) {
        try (DatagramSocket probe = new DatagramSocket()) {
            InetAddress target = InetAddress.getByName(registry.host());
            if (target.isLoopbackAddress() || target.isAnyLocalAddress()) {
                return null;
            }
            // connect() on UDP sends nothing: it only asks the routing table which local address would be used
            probe.connect(new InetSocketAddress(target, registry.port()));
            InetAddress local = probe.getLocalAddress();
            return local == null || local.isAnyLocalAddress() ? null : local.getHostAddress();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String firstSiteLocal() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: fall back to loopback
        }
        return "127.0.0.1";
    }
}
