package org.groupchat.desktop.session;

import org.groupchat.security.ClientKeys;

/** Where a group server listens, and the CURVE keys to reach it with (null for a group without security). */
record GroupAddress(String endpoint, ClientKeys keys) {

    boolean secure() {
        return keys != null;
    }

    /** What the tab says when this server drops our handshake. */
    String refusal() {
        if (keys == null) {
            return "The group server at " + endpoint + " refused the connection: it runs with security (CURVE) and"
                    + " this app has no key for it. Join it again from the registry's list, which carries its key.";
        }
        return "The group server at " + endpoint + " refused our secure handshake: it does not hold the key this"
                + " app expects (fingerprint " + keys.serverFingerprint() + "), or it runs without security."
                + " It may be an impostor, or its key changed.";
    }
}
