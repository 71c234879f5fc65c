package org.groupchat.security;

/**
 * CURVE on a server's ROUTER socket: the server's key pair, and the client keys it accepts (null: any key).
 * What an allow-list guards is the server's to say: a group serves only listed users, a registry registers only
 * listed group servers.
 */
public record ServerSecurity(CurveKeyPair keys, AllowList allowList) {

    public static ServerSecurity withKeys(CurveKeyPair keys) {
        return new ServerSecurity(keys, null);
    }

    public ServerSecurity withAllowList(AllowList list) {
        return new ServerSecurity(keys, list);
    }

    /** True when the key may use what the allow-list guards. */
    /** Whether {@code userId} may appear among the members: always, unless an allow-list no longer lists its key. */
    public boolean listsUser(String userId) {
        return allowList == null || allowList.allowsUser(userId);
    }

    public boolean allows(String clientKey) {
        return allowList == null || allowList.allows(clientKey);
    }
}
