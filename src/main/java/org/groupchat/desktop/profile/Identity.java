package org.groupchat.desktop.profile;

import org.groupchat.protocol.User;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;

/**
 * Who this profile is: the display name the user chose, its CURVE key pair, and the id it uses with groups
 * without security. A new profile's id is its key's id; a profile made before keys keeps its random UUID there,
 * so its history stays its own, while a secure group only accepts the key's id.
 */
public record Identity(String id, String name, CurveKeyPair keys) {

    /** A new profile: its id comes from its key. */
    public static Identity create(String name, CurveKeyPair keys) {
        return new Identity(PublicKeys.userIdFor(keys.publicKey()), name, keys);
    }

    /** As whom this profile speaks to a group with ({@code secure}) or without security. */
    public User userFor(boolean secure) {
        return new User(secure ? PublicKeys.userIdFor(keys.publicKey()) : id, name);
    }

    /** The user for a group without security. */
    public User user() {
        return userFor(false);
    }

    public String fingerprint() {
        return keys.fingerprint();
    }
}
