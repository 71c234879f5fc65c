package org.groupchat.desktop.profile;

import java.util.List;
import java.util.Map;

/** {@link Settings} as {@code settings.json} holds them; a field missing from the file takes the default. */
record SettingsFile(
        String registry,
        Map<String, String> registryKeys,
        List<JoinedGroup> joined,
        Boolean secureLocalServers,
        String theme) {

    static SettingsFile of(Settings settings) {
        return new SettingsFile(
                settings.registry(),
                settings.registryKeys(),
                settings.joined(),
                settings.secureLocalServers(),
                settings.theme());
    }

    Settings settings() {
        return new Settings(
                registry == null ? Settings.DEFAULT_REGISTRY : registry,
                registryKeys == null ? Map.of() : registryKeys,
                joined == null
                        ? List.of()
                        : joined.stream()
                                .filter(g -> g.name() != null && g.endpoint() != null)
                                .toList(),
                secureLocalServers == null || secureLocalServers,
                theme);
    }
}
