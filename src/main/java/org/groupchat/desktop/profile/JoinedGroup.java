package org.groupchat.desktop.profile;

/** A group the user has joined and whose tab reopens on the next start; {@code publicKey} null: no security. */
public record JoinedGroup(String name, String endpoint, String publicKey) {

    public JoinedGroup(String name, String endpoint) {
        this(name, endpoint, null);
    }
}
