package org.groupchat.server;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.groupchat.protocol.Endpoint;
import org.zeromq.ZMQException;

/** Says in words why a bind failed; JeroMQ reports an address of another machine as "address already in use". */
final class BindFailure {
    private BindFailure() {}

    static String describe(Endpoint endpoint, ZMQException e) {
        if (!endpoint.isWildcard()) {
            String foreign = notOnThisMachine(endpoint.host());
            if (foreign != null) {
                return foreign;
            }
        }
        return switch (e.getErrorCode()) {
            case 48, 98 -> "address already in use";
            case 49, 99 -> "address not available on this machine";
            default -> e.getMessage();
        };
    }

    /** A sentence when {@code host} does not resolve or names no interface of this machine, else null. */
    static String notOnThisMachine(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()
                    || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return null;
            }
            return "the address " + address.getHostAddress()
                    + " is not on this machine (bind to one of its own addresses, or *)";
        } catch (UnknownHostException e) {
            return "the host name \"" + host + "\" does not resolve";
        } catch (SocketException e) {
            return null;
        }
    }
}
