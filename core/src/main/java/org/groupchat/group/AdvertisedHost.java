package org.groupchat.group;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** Picks the address to give the registry when a group binds to every interface and no host was named. */
final class AdvertisedHost {
    private AdvertisedHost() {}

    /** The first site-local IPv4 address of an interface that is up, else 127.0.0.1. */
    static String guess() {
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
