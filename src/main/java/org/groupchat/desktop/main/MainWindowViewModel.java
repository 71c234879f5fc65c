package org.groupchat.desktop.main;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.desktop.groups.GroupsViewModel;
import org.groupchat.desktop.groups.RegistryAddress;
import org.groupchat.desktop.groups.RegistryWatcher;
import org.groupchat.desktop.hosting.Hosted;
import org.groupchat.desktop.hosting.HostedGroups;
import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.desktop.hosting.RegistryProbe;
import org.groupchat.desktop.profile.HostedGroup;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;

/**
 * The main window's state: the groups list, the open tabs and their sessions, the registry address and the key
 * trusted for it, the status bar, and the servers this process hosts. Used on the UI thread; slow work goes
 * through the bridge.
 */
public final class MainWindowViewModel {
    private final UiExecutor ui;
    private final ProfileStore store;
    private final Identity identity;
    private final SessionFactory sessions;
    private final LocalServers localServers;
    private final HostedGroups hosted;
    private final RegistryFinder finder;
    private final GroupsViewModel groups = new GroupsViewModel();
    private final ObservableList<ChatTabViewModel> tabs = FXCollections.observableArrayList();
    private final Map<String, JoinedGroup> joined = new LinkedHashMap<>();
    private final Map<String, String> trustedRegistryKeys;
    private final boolean secureLocalServers;
    private final ObjectProperty<ChatTabViewModel> selectedTab = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Starting…");
    private final StringProperty registryAddress = new SimpleStringProperty();
    private final StringProperty registryFingerprint = new SimpleStringProperty();
    private final RegistryWatcher watcher;
    /** The status bar's last word that no registry answers (or that it refused us), until a LIST says otherwise. */
    private String registryTrouble;
    /** A look for the registry (and maybe starting the bundled one) is under way. */
    private boolean lookingAgain;
    private Consumer<IncomingMessage> onIncoming = message -> { };

    public MainWindowViewModel(UiExecutor ui, ProfileStore store, Identity identity, Settings settings,
            SessionFactory sessions, LocalServers localServers, long refreshMs) {
        this.ui = ui;
        this.store = store;
        this.identity = identity;
        this.sessions = sessions;
        this.localServers = localServers;
        this.hosted = new HostedGroups(localServers, store);
        this.finder = new RegistryFinder(localServers, identity.keys());
        this.trustedRegistryKeys = new LinkedHashMap<>(settings.registryKeys());
        this.secureLocalServers = settings.secureLocalServers();
        registryAddress.set(settings.registry());
        watcher = new RegistryWatcher(registryTarget(settings.registry()), refreshMs, ui, new RegistryWatcher.Listener() {
            @Override
            public void groupsListed(RegistryAddress from, List<GroupInfo> live) {
                if (isCurrent(from)) {
                    groupsArrived(from, live);
                }
            }

            @Override
            public void registryUnreachable(RegistryAddress from, String message) {
                if (isCurrent(from)) {
                    registryFailed(message, false);
                }
            }

            @Override
            public void registryRefused(RegistryAddress from, String message) {
                if (isCurrent(from)) {
                    registryFailed(message, true);
                }
            }
        });
        groups.setOnJoin(this::join);
        settings.joined().forEach(this::openTab);
    }

    /** Finds or starts a registry, then keeps the groups list fresh. */
    public void start() {
        watcher.start();
        status.set("Looking for a registry at " + registryAddress.get() + "…");
        lookForRegistry(this::hostAgain);
    }

    /** Probes the current address in the background, starting the bundled servers there if it is ours and silent. */
    private void lookForRegistry(Runnable then) {
        String address = registryAddress.get();
        RegistryAddress target = registryTarget(address);
        lookingAgain = true;
        ui.inBackground(() -> finder.find(target), found -> {
            lookingAgain = false;
            if (!address.equals(registryAddress.get())) {
                return;
            }
            if (found.bundledKey() != null) {
                trustRegistryKey(address, found.bundledKey());
            }
            showRegistryState(found.message(), found.answers());
            watcher.refreshNow();
            then.run();
        }, error -> {
            lookingAgain = false;
            status.set("Could not start the bundled servers at " + address + ": " + error.getMessage());
        });
    }

    /** Hosts again, with their history, the groups this profile made with New group…. */
    private void hostAgain() {
        String registry = registryAddress.get();
        String registryKey = trustedRegistryKeys.get(registry);
        ui.inBackground(() -> hosted.hostAgain(registry, registryKey), problems -> {
            if (!problems.isEmpty()) {
                status.set(String.join(" ", problems));
            }
            watcher.refreshNow();
        }, error -> status.set("Could not host your groups again: " + error.getMessage()));
    }

    public void setOnIncoming(Consumer<IncomingMessage> handler) {
        this.onIncoming = handler;
    }

    /** Opens the group's tab, or selects it when it is already open. */
    public void join(GroupInfo group) {
        ChatTabViewModel open = tab(group.name());
        if (open == null) {
            open = openTab(new JoinedGroup(group.name(), group.endpoint(), group.publicKey()));
            saveSettings();
        }
        selectedTab.set(open);
    }

    /** Closes a tab without leaving its group: the membership stays, the tab does not reopen on the next start. */
    public void closeTab(ChatTabViewModel tab) {
        tab.close();
        forget(tab);
    }

    /** Leaves the group of a tab (LEAVE); it will not reopen on the next start. */
    public void leave(ChatTabViewModel tab) {
        tab.leave();
        forget(tab);
    }

    private void forget(ChatTabViewModel tab) {
        tabs.remove(tab);
        joined.remove(tab.groupName());
        groups.forgetMembers(tab.groupName());
        saveSettings();
    }

    /**
     * Switches to another registry, trusting {@code serverKey} (40 Z85 characters) for it, or no key when it is
     * null; returns why not, or null when the address was accepted.
     */
    public String connectToRegistry(String address, String serverKey) {
        String endpoint;
        try {
            endpoint = Fields.connectableEndpoint(address == null ? null : address.strip(), "address");
        } catch (ProtocolException e) {
            return e.getMessage().replace("\"address\": ", "");
        }
        if (serverKey != null && !PublicKeys.isValid(serverKey)) {
            return "The server key must be the registry's public key: 40 characters of Z85 text, or a .key file.";
        }
        registryAddress.set(endpoint);
        trustRegistryKey(endpoint, serverKey);
        RegistryAddress target = registryTarget(endpoint);
        status.set("Looking for a registry at " + endpoint + "…");
        ui.inBackground(() -> LocalServers.probe(target),
                probe -> showRegistryState(RegistryFinder.probeMessage(target, probe), probe == RegistryProbe.ANSWERS),
                error -> status.set(error.getMessage()));
        return null;
    }

    /** Reads a public key given as a {@code .key} file's path (or as the key itself), off the UI thread. */
    public void readPublicKey(String keyOrFile, Consumer<String> onKey, Consumer<String> onProblem) {
        ui.inBackground(() -> KeyFiles.publicKeyFrom(keyOrFile), onKey, error -> onProblem.accept(error.getMessage()));
    }

    /** The key trusted for the registry at {@code address}, or null. */
    public String trustedRegistryKey(String address) {
        return trustedRegistryKeys.get(address);
    }

    private void trustRegistryKey(String address, String key) {
        if (key == null) {
            trustedRegistryKeys.remove(address);
        } else {
            trustedRegistryKeys.put(address, key);
        }
        if (address.equals(registryAddress.get())) {
            registryFingerprint.set(null);
            watcher.watch(registryTarget(address));
        }
        saveSettings();
    }

    private RegistryAddress registryTarget(String address) {
        String key = trustedRegistryKeys.get(address);
        return new RegistryAddress(address, key == null ? null : new ClientKeys(key, identity.keys()));
    }

    /** False for an answer to a question asked before the address or its key changed. */
    private boolean isCurrent(RegistryAddress from) {
        return from.equals(registryTarget(registryAddress.get()));
    }

    private void registryFailed(String message, boolean refused) {
        registryFingerprint.set(null);
        groups.registryUnreachable(message);
        // the status bar and the groups pane say the same thing
        showRegistryState(message, false);
        if (!refused) {
            takeOverIfGone();
        }
    }

    /**
     * The registry on this computer went away (the app that ran it quit): look again, and start the bundled servers
     * here if nothing answers, so the survivor carries on with the same registry key and Lobby history.
     */
    private void takeOverIfGone() {
        if (!lookingAgain && LocalServers.isLocal(registryAddress.get())) {
            lookForRegistry(() -> { });
        }
    }

    private void showRegistryState(String message, boolean answers) {
        registryTrouble = answers ? null : message;
        status.set(message);
    }

    /** Hosts a new group in this process; returns why not, or null when it is being started. */
    public String newGroup(String name, String portText) {
        NewGroupInput input;
        try {
            input = NewGroupInput.parse(name, portText);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String groupName = input.name();
        int port = input.port();
        GroupInfo live = groups.find(groupName);
        if (live != null) {
            return "A group named \"" + groupName + "\" is already live at " + live.endpoint()
                    + ": double-click it in the groups list to join it, or pick another name.";
        }
        if (tab(groupName) != null) {
            return "You already have \"" + groupName + "\" open in a tab: pick another name.";
        }
        String registry = registryAddress.get();
        status.set("Starting the group \"" + groupName + "\"…");
        String registryKey = trustedRegistryKeys.get(registry);
        HostedGroup group = new HostedGroup(groupName, port);
        ui.inBackground(() -> hosted.host(group, registry, registryKey, false), (Hosted started) -> {
            status.set("Hosting \"" + groupName + "\" at " + started.endpoint()
                    + "; it is hosted again, with its history, each time GroupChat starts.");
            join(new GroupInfo(groupName, started.endpoint(), 0, 0, 0, 0, started.publicKey()));
            watcher.refreshNow();
        }, error -> status.set("Could not start \"" + groupName + "\": " + error.getMessage()));
        return null;
    }

    /** Closes every session and stops the servers of this process, then runs {@code done} on the UI thread. */
    public void quit(Runnable done) {
        tabs.forEach(ChatTabViewModel::close);
        status.set("Closing…");
        ui.inBackground(() -> {
            watcher.close();
            localServers.close();
            return null;
        }, ignored -> done.run(), error -> done.run());
    }

    private void groupsArrived(RegistryAddress from, List<GroupInfo> live) {
        registryFingerprint.set(from.secure() ? from.keys().serverFingerprint() : "");
        if (registryTrouble != null && registryTrouble.equals(status.get())) {
            // the probe gave up (or the registry came up later), but it answers now
            showRegistryState(RegistryFinder.probeMessage(from, RegistryProbe.ANSWERS), true);
        }
        groups.update(live);
        for (GroupInfo group : live) {
            JoinedGroup known = joined.get(group.name());
            ChatTabViewModel tab = tab(group.name());
            JoinedGroup now = new JoinedGroup(group.name(), group.endpoint(), group.publicKey());
            if (known == null || tab == null || known.equals(now)) {
                continue;
            }
            if (group.secure() == (known.publicKey() != null)) {
                joined.put(group.name(), now);
                tab.retarget(group.endpoint(), group.publicKey());
            } else {
                reopenTab(tab, now);
            }
            saveSettings();
        }
    }

    /** The group turned security on or off: the user's id changes with it, so the tab starts afresh. */
    private void reopenTab(ChatTabViewModel old, JoinedGroup group) {
        boolean wasSelected = old == selectedTab.get();
        old.close();
        int index = tabs.indexOf(old);
        ChatTabViewModel fresh = newTab(group);
        tabs.set(index, fresh);
        if (wasSelected) {
            selectedTab.set(fresh);
        }
    }

    private ChatTabViewModel openTab(JoinedGroup group) {
        ChatTabViewModel tab = newTab(group);
        tabs.add(tab);
        return tab;
    }

    private ChatTabViewModel newTab(JoinedGroup group) {
        String name = group.name();
        ChatTabViewModel tab = new ChatTabViewModel(name, identity.userFor(group.publicKey() != null),
                ZoneId.systemDefault(), System::currentTimeMillis);
        tab.setOnIncoming(line -> onIncoming.accept(new IncomingMessage(name, line)));
        tab.showServerKey(group.publicKey());
        tab.members().addListener((ListChangeListener<Member>) change -> groups.membersSeen(name,
                tab.members().size(), (int) tab.members().stream().filter(Member::online).count()));
        tab.attach(sessions.open(name, group.endpoint(), group.publicKey(), tab));
        joined.put(name, group);
        return tab;
    }

    private void saveSettings() {
        List<JoinedGroup> open = tabs.stream().map(t -> joined.get(t.groupName())).toList();
        store.remember(new Settings(registryAddress.get(), trustedRegistryKeys, open, secureLocalServers));
        ui.inBackground(store::flush, error -> status.set("Could not save settings: " + error.getMessage()));
    }

    private ChatTabViewModel tab(String name) {
        return tabs.stream().filter(t -> t.groupName().equals(name)).findFirst().orElse(null);
    }

    public GroupsViewModel groups() {
        return groups;
    }

    public ObservableList<ChatTabViewModel> tabs() {
        return tabs;
    }

    public ObjectProperty<ChatTabViewModel> selectedTabProperty() {
        return selectedTab;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty registryAddressProperty() {
        return registryAddress;
    }

    /** The registry's key fingerprint once it answered securely, "" once it answered without security, else null. */
    public StringProperty registryFingerprintProperty() {
        return registryFingerprint;
    }

    public Identity identity() {
        return identity;
    }
}
