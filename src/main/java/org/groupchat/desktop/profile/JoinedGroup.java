package org.groupchat.desktop.profile;

/** A group the user has joined and whose tab reopens on the next start; {@code publicKey} null: no security. */
public record JoinedGroup(String name, String endpoint, String publicKey, boolean muted) {

    public JoinedGroup(String name, String endpoint) {
        this(name, endpoint, null);
    }

    public JoinedGroup(String name, String endpoint, String publicKey) {
        this(name, endpoint, publicKey, false);
    }

    public JoinedGroup withMuted(boolean mute) {
        return new JoinedGroup(name, endpoint, publicKey, mute);
    }
}
