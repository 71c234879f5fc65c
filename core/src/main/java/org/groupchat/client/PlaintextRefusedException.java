package org.groupchat.client;

import org.groupchat.protocol.GroupInfo;

/**
 * A client configured for security (it trusts a registry's key) was asked to talk to a group that registry lists
 * without a key: its messages would travel in plaintext, so no request is sent. Retrying does not help.
 */
public final class PlaintextRefusedException extends GroupChatException {
    public PlaintextRefusedException(String message) {
        super(message, null);
    }

    /**
     * The rule, for a client that builds its own connection: a secure registry lists only groups that run CURVE, so one
     * listed without a key (an old or impostor registry, or a misconfigured server) is not talked to in plaintext.
     */
    public static void refuseUnlessSecure(GroupInfo listed, boolean requireCurve) {
        if (requireCurve && !listed.secure()) {
            throw new PlaintextRefusedException("group \"" + listed.name() + "\" is listed without a key by a secure"
                    + " registry: it runs without CURVE, so its messages would travel in plaintext; this client is"
                    + " configured for security and refuses to talk to it (its server should run with --secure)");
        }
    }
}
