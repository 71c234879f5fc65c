package org.groupchat.desktop.session;

import org.groupchat.client.HandshakeRefusals;
import org.groupchat.security.ClientKeys;

/** Where a group server listens, and the CURVE keys to reach it with (null for a group without security). */
record GroupAddress(String endpoint, ClientKeys keys) {

    boolean secure() {
        return keys != null;
    }

    /** What the tab says when this server drops our handshake. */
    String refusal() {
        return HandshakeRefusals.explain("The group server", endpoint, keys)
                + (keys == null
                        ? ". Join it again from the registry's list, which carries its key."
                        : ". It may be an impostor, or its key changed.");
    }
}
