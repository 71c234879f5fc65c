package org.groupchat.desktop.profile;

import org.groupchat.protocol.User;

/** Who this profile is: a UUID created once and the display name the user chose. */
public record Identity(String id, String name) {
    public User user() {
        return new User(id, name);
    }
}
