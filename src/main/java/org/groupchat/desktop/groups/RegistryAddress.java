package org.groupchat.desktop.groups;

import org.groupchat.security.ClientKeys;

/** A registry's address and the CURVE keys to reach it with: null when the user trusts no key for it. */
public record RegistryAddress(String endpoint, ClientKeys keys) {

    public boolean secure() {
        return keys != null;
    }

    /** What the user reads when this registry drops our handshake at once. */
    public String refusal() {
        if (keys == null) {
            return "The registry at " + endpoint + " requires a key: it runs with security (CURVE). Paste its"
                    + " server key in File › Connect to registry… (its launcher prints it at start).";
        }
        return "The registry at " + endpoint + " refused our secure handshake: its key does not match the one you"
                + " trusted (fingerprint " + keys.serverFingerprint() + "), or it runs without security. If it was"
                + " restarted without security or with a new key on purpose, open File › Connect to registry…"
                + " (Ctrl+Shift+R), clear the key (or paste the new one) and press OK.";
    }
}
