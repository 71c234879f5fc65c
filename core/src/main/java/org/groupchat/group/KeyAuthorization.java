package org.groupchat.group;

import org.groupchat.metrics.Metrics;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Request;
import org.groupchat.security.PublicKeys;
import org.groupchat.security.ServerSecurity;

/**
 * A secure group's two rules: only listed keys use a private group, and a request may speak only for the user
 * whose id belongs to the key its connection authenticated with, whatever its JSON says.
 */
final class KeyAuthorization {
    private final String groupName;
    private final ServerSecurity security;

    KeyAuthorization(String groupName, ServerSecurity security) {
        this.groupName = groupName;
        this.security = security;
    }

    void check(Request request, String peerKey) throws ProtocolException {
        if (security == null || request instanceof Request.Ping) {
            return;
        }
        if (peerKey == null) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "this connection did not authenticate with a key");
        }
        if (!security.allows(peerKey)) {
            Metrics.HANDSHAKE_REFUSALS
                    .labelValues(Metrics.REFUSED_KEY_NOT_ALLOWED)
                    .inc();
            throw new ProtocolException(
                    ErrorCode.UNAUTHORIZED,
                    "\"" + groupName + "\" is a private group and your key" + " (fingerprint "
                            + PublicKeys.fingerprint(peerKey) + ") is not on its list; ask its operator to add it");
        }
        if (request instanceof Request.AsUser asUser) {
            String claimed = Fields.userId(asUser.user());
            String own = PublicKeys.userIdFor(peerKey);
            if (!claimed.equals(own)) {
                throw new ProtocolException(
                        ErrorCode.UNAUTHORIZED,
                        "you cannot act as user " + claimed
                                + ": the key this connection authenticated with belongs to user " + own);
            }
        }
    }
}
