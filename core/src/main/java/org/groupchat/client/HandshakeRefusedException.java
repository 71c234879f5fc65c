package org.groupchat.client;

/**
 * The server took our connection but refused the handshake: it holds another CURVE key than the one we expect, or
 * one side runs with security and the other without. Retrying does not help.
 */
public final class HandshakeRefusedException extends ServerUnreachableException {
    public HandshakeRefusedException(String endpoint, String message) {
        super(endpoint, message);
    }
}
