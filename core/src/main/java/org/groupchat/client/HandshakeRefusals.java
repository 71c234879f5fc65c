package org.groupchat.client;

import org.groupchat.security.ClientKeys;

/** The one wording of a refused handshake, for every client: the library, the CLI and the desktop add only advice. */
public final class HandshakeRefusals {
    private HandshakeRefusals() {}

    /**
     * Why {@code subject} ("The server", "The group server", "The registry") at {@code endpoint} dropped our handshake,
     * given the keys we connected with (null: none).
     */
    public static String explain(String subject, String endpoint, ClientKeys keys) {
        if (keys == null) {
            return subject + " at " + endpoint + " refused our handshake: it runs with security (CURVE) and we have no"
                    + " key for it";
        }
        return subject + " at " + endpoint + " refused our secure handshake: it does not hold the key we expect"
                + " (fingerprint " + keys.serverFingerprint() + "), or it runs without security";
    }
}
