package org.groupchat.desktop.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.desktop.fx.Validation;
import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;

/**
 * The app's one link to a registry: its address (or several, comma-separated, tried in turn when one stops
 * answering) and the key trusted for it, finding it (or starting the bundled servers when it is ours and silent), the
 * watcher that lists its groups, and what the status bar says about it. The only source of the registry's state, so
 * the status bar and the groups pane cannot disagree. UI thread only.
 */
public final class RegistryConnection {
    /** What the window does with the registry's answers. */
    public interface Listener {
        void groupsListed(List<GroupInfo> live);

        void unreachable(String message);

        /** The address or a trusted key changed: time to save the settings. */
        void changed();
    }

    private static final Fields.Subject ADDRESS = new Fields.Subject("The registry address");
    private final UiExecutor ui;
    private final CurveKeyPair userKeys;
    private final RegistryFinder finder;
    private final Map<String, String> trustedKeys;
    /** As the user gave it: one address, or several separated by commas. */
    private final StringProperty address = new SimpleStringProperty();

    private List<String> addresses;
    /** Which of {@link #addresses} is watched now. */
    private int current;

    private final StringProperty fingerprint = new SimpleStringProperty();
    private final StringProperty status;
    private final Listener listener;
    private final RegistryWatcher watcher;
    /** The status bar's last word that no registry answers (or that it refused us), until a LIST says otherwise. */
    private String trouble;
    /** A look for the registry (and maybe starting the bundled one) is under way. */
    private boolean looking;

    public RegistryConnection(
            UiExecutor ui,
            CurveKeyPair userKeys,
            LocalServers localServers,
            String startAddress,
            Map<String, String> trustedKeys,
            long refreshMs,
            StringProperty status,
            Listener listener) {
        this.ui = ui;
        this.userKeys = userKeys;
        this.finder = new RegistryFinder(localServers, userKeys);
        this.trustedKeys = new LinkedHashMap<>(trustedKeys);
        this.status = status;
        this.listener = listener;
        address.set(startAddress);
        addresses = split(startAddress);
        watcher = new RegistryWatcher(target(addresses.get(0)), refreshMs, ui, new RegistryWatcher.Listener() {
            @Override
            public void groupsListed(RegistryAddress from, List<GroupInfo> live) {
                if (isCurrent(from)) {
                    listed(from, live);
                }
            }

            @Override
            public void registryUnreachable(RegistryAddress from, String message) {
                if (isCurrent(from)) {
                    failed(message, false);
                }
            }

            @Override
            public void registryRefused(RegistryAddress from, String message) {
                if (isCurrent(from)) {
                    failed(message, true);
                }
            }
        });
    }

    /** Finds or starts a registry, then keeps the groups list fresh; {@code then} runs once it was looked for. */
    public void start(Runnable then) {
        watcher.start();
        status.set("Looking for a registry at " + watched() + "…");
        lookFor(then);
    }

    public void refreshNow() {
        watcher.refreshNow();
    }

    public void close() {
        watcher.close();
    }

    /** Probes the current address in the background, starting the bundled servers there if it is ours and silent. */
    private void lookFor(Runnable then) {
        String at = watched();
        RegistryAddress target = target(at);
        looking = true;
        ui.inBackground(
                () -> finder.find(target, addresses.size() == 1),
                found -> {
                    looking = false;
                    if (!at.equals(watched())) {
                        return;
                    }
                    if (found.bundledKey() != null) {
                        trust(at, found.bundledKey());
                    }
                    show(found.message(), found.answers());
                    watcher.refreshNow();
                    then.run();
                },
                error -> {
                    looking = false;
                    status.set("Could not start the bundled servers at " + at + ": " + error.getMessage());
                });
    }

    /**
     * Switches to another registry (or several, comma-separated), trusting {@code serverKey} (40 Z85 characters) for
     * it, or no key when null.
     */
    public Validation connectTo(String typedAddress, String serverKey) {
        List<String> endpoints = new ArrayList<>();
        try {
            for (String one : (typedAddress == null ? "" : typedAddress).split(",", -1)) {
                endpoints.add(Fields.connectableEndpoint(one.strip(), ADDRESS));
            }
        } catch (ProtocolException e) {
            return Validation.problem(e.getMessage());
        }
        if (serverKey != null && !PublicKeys.isValid(serverKey)) {
            return Validation.problem(
                    "The server key must be the registry's public key: 40 characters of Z85 text, or a .key file.");
        }
        addresses = List.copyOf(endpoints);
        current = 0;
        address.set(String.join(",", endpoints));
        endpoints.forEach(endpoint -> trust(endpoint, serverKey));
        String endpoint = watched();
        RegistryAddress target = target(endpoint);
        status.set("Looking for a registry at " + endpoint + "…");
        ui.inBackground(
                () -> RegistryProbe.of(target),
                probe -> show(RegistryFinder.probeMessage(target, probe), probe == RegistryProbe.ANSWERS),
                error -> status.set(error.getMessage()));
        return Validation.ok();
    }

    /** Reads a public key given as a {@code .key} file's path (or as the key itself), off the UI thread. */
    public void readPublicKey(String keyOrFile, Consumer<String> onKey, Consumer<String> onProblem) {
        ui.inBackground(() -> KeyFiles.publicKeyFrom(keyOrFile), onKey, error -> onProblem.accept(error.getMessage()));
    }

    /** The key trusted for the registry at {@code at} (for a list: at its first address), or null. */
    public String trustedKey(String at) {
        return trustedKeys.get(at.split(",")[0].strip());
    }

    public Map<String, String> trustedKeys() {
        return Map.copyOf(trustedKeys);
    }

    /** The address as the user gave it: one, or several separated by commas. */
    public String address() {
        return address.get();
    }

    /** The address watched now: one of {@link #address()}'s. */
    public String watched() {
        return addresses.get(current);
    }

    public StringProperty addressProperty() {
        return address;
    }

    /** The registry's key fingerprint once it answered securely, "" once it answered without security, else null. */
    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    private void trust(String at, String key) {
        if (key == null) {
            trustedKeys.remove(at);
        } else {
            trustedKeys.put(at, key);
        }
        if (at.equals(watched())) {
            fingerprint.set(null);
            watcher.watch(target(at));
        }
        listener.changed();
    }

    private RegistryAddress target(String at) {
        String key = trustedKeys.get(at);
        return new RegistryAddress(at, key == null ? null : new ClientKeys(key, userKeys));
    }

    /** False for an answer to a question asked before the address or its key changed. */
    private boolean isCurrent(RegistryAddress from) {
        return from.equals(target(watched()));
    }

    private void listed(RegistryAddress from, List<GroupInfo> live) {
        fingerprint.set(from.secure() ? from.keys().serverFingerprint() : "");
        if (trouble != null && trouble.equals(status.get())) {
            // the probe gave up (or the registry came up later), but it answers now
            show(RegistryFinder.probeMessage(from, RegistryProbe.ANSWERS), true);
        }
        listener.groupsListed(live);
    }

    private void failed(String message, boolean refused) {
        fingerprint.set(null);
        String said = message;
        if (addresses.size() > 1) {
            current = (current + 1) % addresses.size();
            said = message + " Trying the registry at " + watched() + "…";
            watcher.watch(target(watched()));
        }
        listener.unreachable(said);
        // the status bar and the groups pane say the same thing
        show(said, false);
        if (!refused && addresses.size() == 1) {
            takeOverIfGone();
        }
    }

    /**
     * The registry on this computer went away (the app that ran it quit): look again, and start the bundled servers
     * here if nothing answers, so the survivor carries on with the same registry key and Lobby history.
     */
    private void takeOverIfGone() {
        if (!looking && RegistryAddress.isLocal(watched())) {
            lookFor(() -> {});
        }
    }

    private static List<String> split(String commaList) {
        return Arrays.stream(commaList.split(","))
                .map(String::strip)
                .filter(one -> !one.isEmpty())
                .toList();
    }

    private void show(String message, boolean answers) {
        trouble = answers ? null : message;
        status.set(message);
    }
}
