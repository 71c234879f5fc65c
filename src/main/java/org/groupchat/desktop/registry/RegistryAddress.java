package org.groupchat.desktop.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.groupchat.client.HandshakeRefusals;
import org.groupchat.protocol.Endpoint;
import org.groupchat.security.ClientKeys;

/** A registry's address and the CURVE keys to reach it with: null when the user trusts no key for it. */
public record RegistryAddress(String endpoint, ClientKeys keys) {

    public boolean secure() {
        return keys != null;
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

    /** What the user reads when this registry drops our handshake at once. */
    public String refusal() {
        return HandshakeRefusals.explain("The registry", endpoint, keys)
                + (keys == null
                        ? ". Paste its server key in File › Connect to registry… (its launcher prints it at start)."
                        : ". If it was restarted without security or with a new key on purpose, open File › Connect to"
                                + " registry… (Ctrl+Shift+R), clear the key (or paste the new one) and press OK.");
    }
}
