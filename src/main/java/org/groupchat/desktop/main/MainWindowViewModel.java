package org.groupchat.desktop.main;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.groupchat.client.PlaintextRefusedException;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.files.FilePlaces;
import org.groupchat.desktop.files.FileTransfers;
import org.groupchat.desktop.fx.Theme;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.desktop.fx.Validation;
import org.groupchat.desktop.groups.GroupsViewModel;
import org.groupchat.desktop.hosting.Hosted;
import org.groupchat.desktop.hosting.HostedGroups;
import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.desktop.hosting.NewGroupInput;
import org.groupchat.desktop.profile.HostedGroup;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.desktop.registry.RegistryConnection;
import org.groupchat.desktop.session.SessionFactory;
import org.groupchat.protocol.GroupInfo;

/**
 * The main window's state: the groups list, the status bar, the settings and the groups this process hosts; the
 * registry is {@link RegistryConnection}'s, the open tabs and their sessions {@link OpenTabs}'. Used on the UI thread; slow work goes through the
 * bridge.
 */
public final class MainWindowViewModel {
    private final UiExecutor ui;
    private final ProfileStore store;
    private final Identity identity;
    private final SessionFactory sessions;
    private final LocalServers localServers;
    private final HostedGroups hosted;
    private final RegistryConnection registry;
    private final GroupsViewModel groups = new GroupsViewModel();
    private final boolean secureLocalServers;
    private final StringProperty status = new SimpleStringProperty("Starting…");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final OpenTabs tabs;

    public MainWindowViewModel(
            UiExecutor ui,
            ProfileStore store,
            Identity identity,
            Settings settings,
            SessionFactory sessions,
            LocalServers localServers,
            long refreshMs) {
        this.ui = ui;
        this.store = store;
        this.identity = identity;
        this.sessions = sessions;
        this.localServers = localServers;
        this.hosted = new HostedGroups(localServers, store);
        this.secureLocalServers = settings.secureLocalServers();
        this.tabs = new OpenTabs(identity, sessions, groups, status, this::saveSettings);
        tabs.useFiles(new FilePlaces(
                new FileTransfers(ui),
                store.paths().downloadsDir(),
                store.paths().dataDir().resolve("pictures")));
        this.theme.set(Theme.of(settings.theme()));
        theme.addListener((obs, was, now) -> {
            now.apply();
            saveSettings();
        });
        registry = new RegistryConnection(
                ui,
                identity.keys(),
                localServers,
                settings.registry(),
                settings.registryKeys(),
                refreshMs,
                status,
                new RegistryConnection.Listener() {
                    @Override
                    public void groupsListed(List<GroupInfo> live) {
                        groupsArrived(live);
                    }

                    @Override
                    public void unreachable(String message) {
                        groups.registryUnreachable(message);
                    }

                    @Override
                    public void changed() {
                        saveSettings();
                    }
                });
        groups.setOnJoin(this::join);
        settings.joined().forEach(tabs::open);
    }

    /** Finds or starts a registry, then keeps the groups list fresh. */
    public void start() {
        registry.start(this::hostAgain);
    }

    /** Hosts again, with their history, the groups this profile made with New group…. */
    private void hostAgain() {
        String at = registry.address();
        String registryKey = registry.trustedKey(at);
        ui.inBackground(
                () -> hosted.hostAgain(at, registryKey),
                problems -> {
                    if (!problems.isEmpty()) {
                        status.set(String.join(" ", problems));
                    }
                    registry.refreshNow();
                },
                error -> status.set("Could not host your groups again: " + error.getMessage()));
    }

    /** The look of every window; a change applies at once and is remembered. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public void setOnIncoming(Consumer<IncomingMessage> handler) {
        tabs.setOnIncoming(handler);
    }

    /** Opens the group's tab, or selects it when it is already open. */
    public void join(GroupInfo group) {
        ChatTabViewModel open = tabs.named(group.name());
        if (open == null && plaintextRefused(group)) {
            return;
        }
        if (open == null) {
            open = tabs.open(new JoinedGroup(group.name(), group.endpoint(), group.publicKey()));
            saveSettings();
        }
        tabs.selectedProperty().set(open);
    }

    /** Closes a tab without leaving its group: the membership stays, the tab does not reopen on the next start. */
    public void closeTab(ChatTabViewModel tab) {
        tabs.close(tab);
    }

    /** Leaves the group of a tab (LEAVE); it will not reopen on the next start. */
    public void leave(ChatTabViewModel tab) {
        tabs.leave(tab);
    }

    /** Hosts a new group in this process, or says what to change. */
    public Validation newGroup(String name, String portText) {
        NewGroupInput input;
        try {
            input = NewGroupInput.parse(name, portText);
        } catch (IllegalArgumentException e) {
            return Validation.problem(e.getMessage());
        }
        String groupName = input.name();
        int port = input.port();
        GroupInfo live = groups.find(groupName);
        if (live != null) {
            return Validation.problem("A group named \"" + groupName + "\" is already live at " + live.endpoint()
                    + ": double-click it in the groups list to join it, or pick another name.");
        }
        if (tabs.named(groupName) != null) {
            return Validation.problem("You already have \"" + groupName + "\" open in a tab: pick another name.");
        }
        String at = registry.address();
        status.set("Starting the group \"" + groupName + "\"…");
        String registryKey = registry.trustedKey(at);
        HostedGroup group = new HostedGroup(groupName, port);
        ui.inBackground(
                () -> hosted.host(group, at, registryKey, false),
                (Hosted started) -> {
                    status.set("Hosting \"" + groupName + "\" at " + started.endpoint()
                            + "; it is hosted again, with its history, each time GroupChat starts.");
                    join(new GroupInfo(groupName, started.endpoint(), 0, 0, 0, 0, started.publicKey()));
                    registry.refreshNow();
                },
                error -> status.set("Could not start \"" + groupName + "\": " + error.getMessage()));
        return Validation.ok();
    }

    /** Closes every session and stops the servers of this process, then runs {@code done} on the UI thread. */
    public void quit(Runnable done) {
        tabs.closeAll();
        status.set("Closing…");
        ui.inBackground(
                () -> {
                    registry.close();
                    localServers.close();
                    return null;
                },
                ignored -> done.run(),
                error -> done.run());
    }

    private void groupsArrived(List<GroupInfo> live) {
        groups.update(live);
        tabs.follow(live, this::plaintextRefused);
    }

    /**
     * A registry the user trusts a key for runs CURVE and lists only groups that do: one listed without a key is not
     * talked to in plaintext (an old or impostor registry), and the status bar says why.
     */
    private boolean plaintextRefused(GroupInfo group) {
        try {
            PlaintextRefusedException.refuseUnlessSecure(group, registry.trustedKey(registry.watched()) != null);
            return false;
        } catch (PlaintextRefusedException e) {
            status.set(e.getMessage());
            return true;
        }
    }

    private void saveSettings() {
        List<JoinedGroup> open = tabs.remembered();
        store.remember(new Settings(
                registry.address(),
                registry.trustedKeys(),
                open,
                secureLocalServers,
                theme.get().id()));
        ui.inBackground(store::flush, error -> status.set("Could not save settings: " + error.getMessage()));
    }

    public GroupsViewModel groups() {
        return groups;
    }

    public ObservableList<ChatTabViewModel> tabs() {
        return tabs.list();
    }

    public ObjectProperty<ChatTabViewModel> selectedTabProperty() {
        return tabs.selectedProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public RegistryConnection registry() {
        return registry;
    }

    public Identity identity() {
        return identity;
    }
}
