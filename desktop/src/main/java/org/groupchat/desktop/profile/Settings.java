package org.groupchat.desktop.profile;

import java.util.List;

/** What a profile remembers between runs: the registry address and the joined groups, in tab order. */
public record Settings(String registry, List<JoinedGroup> joined) {
    public static final String DEFAULT_REGISTRY = "tcp://127.0.0.1:5555";

    public Settings withRegistry(String address) {
        return new Settings(address, joined);
    }

    public Settings withJoined(List<JoinedGroup> groups) {
        return new Settings(registry, List.copyOf(groups));
    }
}
