package org.groupchat.desktop.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groupchat.client.Registries;

/**
 * What a profile remembers between runs: the registry address, the registry keys the user trusted (by address),
 * the joined groups in tab order, whether the servers the app starts itself run with security, and the theme
 * ("light" or "dark").
 */
public record Settings(
        String registry,
        Map<String, String> registryKeys,
        List<JoinedGroup> joined,
        boolean secureLocalServers,
        String theme) {
    public static final String DEFAULT_REGISTRY = Registries.LOCAL_DEFAULT;

    public Settings {
        registryKeys = Map.copyOf(registryKeys);
        joined = List.copyOf(joined);
        theme = theme == null ? "light" : theme;
    }

    public Settings(
            String registry, Map<String, String> registryKeys, List<JoinedGroup> joined, boolean secureLocalServers) {
        this(registry, registryKeys, joined, secureLocalServers, "light");
    }

    public Settings(String registry, List<JoinedGroup> joined) {
        this(registry, Map.of(), joined, true);
    }

    /** The key trusted for the current registry, or null. */
    public String registryKey() {
        return registryKeys.get(registry);
    }

    public Settings withRegistry(String address) {
        return new Settings(address, registryKeys, joined, secureLocalServers, theme);
    }

    /** Trusts {@code key} for the registry at {@code address}; null forgets it. */
    public Settings withRegistryKey(String address, String key) {
        Map<String, String> keys = new HashMap<>(registryKeys);
        if (key == null) {
            keys.remove(address);
        } else {
            keys.put(address, key);
        }
        return new Settings(registry, keys, joined, secureLocalServers, theme);
    }

    public Settings withJoined(List<JoinedGroup> groups) {
        return new Settings(registry, registryKeys, groups, secureLocalServers, theme);
    }

    public Settings withSecureLocalServers(boolean secure) {
        return new Settings(registry, registryKeys, joined, secure, theme);
    }

    public Settings withTheme(String id) {
        return new Settings(registry, registryKeys, joined, secureLocalServers, id);
    }
}
