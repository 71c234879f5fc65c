package org.groupchat.launcher.servers;

import java.nio.file.Path;
import java.util.List;
import org.groupchat.group.GroupDatabase;
import org.groupchat.security.AllowList;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.ServerSecurity;

/**
 * CURVE for the servers of one launcher: whether it is on, where their key pairs live (generated on first start),
 * the key of a registry that runs elsewhere, the registry's allow-list of group servers, and the user ids that own
 * the groups besides their own keys ({@code --owner}, protocol 1.4's moderation).
 */
record SecurityPlan(boolean secure, Path keysDir, String registryKey, Path allowGroups, List<String> owners) {
    static final SecurityPlan OFF = new SecurityPlan(false, null, null, null, List.of());

    /** The registry's settings, or null without security. */
    ServerSecurity registry() {
        if (!secure) {
            return null;
        }
        ServerSecurity security = ServerSecurity.withKeys(KeyFiles.loadOrCreate(keysDir, "registry"));
        return allowGroups == null ? security : security.withAllowList(AllowList.load(allowGroups));
    }

    /** A group's settings, or null without security; its allow-list, if any, makes it private. */
    ServerSecurity group(GroupSpec spec) {
        if (!secure) {
            return null;
        }
        GroupDatabase.adoptLegacyFiles(keysDir, spec.name(), KeyFiles.SECRET_SUFFIX, KeyFiles.PUBLIC_SUFFIX);
        CurveKeyPair keys = KeyFiles.loadOrCreate(keysDir, GroupDatabase.stemFor(spec.name()));
        ServerSecurity security = ServerSecurity.withKeys(keys);
        return spec.allowUsers() == null ? security : security.withAllowList(AllowList.load(spec.allowUsers()));
    }
}
