package org.groupchat.desktop.hosting;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.desktop.profile.HostedGroup;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.protocol.Endpoint;
import org.groupchat.server.ServerStartException;

/**
 * The groups this profile hosts: made with New group…, remembered in the profile, and hosted again with their
 * history each time the app starts (same folder, same key; the same port when it is free). Blocking: call it off
 * the UI thread.
 */
public final class HostedGroups {
    private final LocalServers servers;
    private final ProfileStore store;

    public HostedGroups(LocalServers servers, ProfileStore store) {
        this.servers = servers;
        this.store = store;
    }

    /** Hosts {@code group} and remembers it; {@code anyPortIfTaken}: when its port is taken, any other will do. */
    public Hosted host(HostedGroup group, String registry, String registryKey, boolean anyPortIfTaken) {
        Hosted hosted;
        try {
            hosted = servers.host(group.name(), bind(group.port()), registry, registryKey);
        } catch (ServerStartException e) {
            if (group.port() == 0 || !anyPortIfTaken) {
                throw e;
            }
            hosted = servers.host(group.name(), bind(0), registry, registryKey);
        }
        store.addHostedGroup(
                new HostedGroup(group.name(), Endpoint.parse(hosted.endpoint()).port()));
        return hosted;
    }

    /** Hosts every remembered group again; returns a sentence for each that could not be. */
    public List<String> hostAgain(String registry, String registryKey) {
        List<String> problems = new ArrayList<>();
        for (HostedGroup group : store.hostedGroups()) {
            try {
                host(group, registry, registryKey, true);
            } catch (RuntimeException e) {
                problems.add("Could not host \"" + group.name() + "\" again: " + e.getMessage());
            }
        }
        return problems;
    }

    private static String bind(int port) {
        return new Endpoint("*", port).bindAddress();
    }
}
