package org.groupchat.client;

/**
 * A client configured for security (it trusts a registry's key) was asked to talk to a group that registry lists
 * without a key: its messages would travel in plaintext, so no request is sent. Retrying does not help.
 */
public final class PlaintextRefusedException extends GroupChatException {
    public PlaintextRefusedException(String message) {
        super(message, null);
    }
}
