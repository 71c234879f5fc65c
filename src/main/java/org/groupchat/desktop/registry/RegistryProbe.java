package org.groupchat.desktop.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.HandshakeRefusedException;
import org.groupchat.client.RegistryClient;
import org.groupchat.protocol.Endpoint;

/** What a registry address said to a quick PING. */
public enum RegistryProbe {
    ANSWERS,
    /** Something took our connection and dropped our handshake: a secure registry we hold no (or the wrong) key for. */
    REFUSED_HANDSHAKE,
    SILENT;

    /** How long a plain TCP connect may take before we say nothing listens: loopback answers in microseconds. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    /**
     * How patient a PING is once something took our connection: a registry on a busy machine can take well over a
     * second to answer, and calling it silent would start bundled servers on top of it.
     */
    private static final ClientOptions PATIENT = new ClientOptions(Duration.ofMillis(2_500), 1, Duration.ofMillis(100));

    /**
     * Whether a registry answers at {@code address}, asking securely when it has keys. When nothing accepts a TCP
     * connection there the answer is SILENT at once; when something does, it gets two PINGs of 2.5 s each. Blocking.
     */
    public static RegistryProbe of(RegistryAddress address) {
        if (!listening(Endpoint.parse(address.endpoint()))) {
            return SILENT;
        }
        try (RegistryClient client = new RegistryClient(null, address.endpoint(), PATIENT, address.keys())) {
            return "registry".equals(client.ping().role()) ? ANSWERS : SILENT;
        } catch (HandshakeRefusedException e) {
            return REFUSED_HANDSHAKE;
        } catch (GroupChatException e) {
            return SILENT;
        }
    }

    /** Whether anything accepts a TCP connection at {@code endpoint}: refused, unreachable or unknown means no. */
    private static boolean listening(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
