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
import javafx.collections.ObservableList;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.desktop.groups.GroupsViewModel;
import org.groupchat.desktop.groups.RegistryWatcher;
import org.groupchat.desktop.hosting.LocalServers;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.profile.ProfileStore;
import org.groupchat.desktop.profile.Settings;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.ProtocolException;

/**
 * The main window's state: the groups list, the open tabs and their sessions, the registry address, the
 * status bar, and the servers this process hosts. Used on the UI thread; slow work goes through the bridge.
 */
public final class MainWindowViewModel {
    private final UiExecutor ui;
    private final ProfileStore store;
    private final Identity identity;
    private final SessionFactory sessions;
    private final LocalServers localServers;
    private final GroupsViewModel groups = new GroupsViewModel();
    private final ObservableList<ChatTabViewModel> tabs = FXCollections.observableArrayList();
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private final ObjectProperty<ChatTabViewModel> selectedTab = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Starting…");
    private final StringProperty registryAddress = new SimpleStringProperty();
    private final RegistryWatcher watcher;
    private Consumer<IncomingMessage> onIncoming = message -> { };

    public MainWindowViewModel(UiExecutor ui, ProfileStore store, Identity identity, Settings settings,
            SessionFactory sessions, LocalServers localServers, long refreshMs) {
        this.ui = ui;
        this.store = store;
        this.identity = identity;
        this.sessions = sessions;
        this.localServers = localServers;
        registryAddress.set(settings.registry());
        watcher = new RegistryWatcher(settings.registry(), refreshMs, ui, this::groupsArrived,
                groups::registryUnreachable);
        groups.setOnJoin(this::join);
        settings.joined().forEach(g -> openTab(g.name(), g.endpoint()));
    }

    /** Finds or starts a registry, then keeps the groups list fresh. */
    public void start() {
        String address = registryAddress.get();
        watcher.start();
        status.set("Looking for a registry at " + address + "…");
        ui.inBackground(() -> findOrStartRegistry(address), message -> {
            status.set(message);
            watcher.refreshNow();
        }, error -> status.set("Could not start the bundled servers at " + address + ": " + error.getMessage()));
    }

    private String findOrStartRegistry(String address) {
        if (LocalServers.registryAnswers(address)) {
            return "Connected to the registry at " + address + ".";
        }
        if (!LocalServers.isLocal(address)) {
            return "No registry answers at " + address + ". Use File › Connect to registry… to pick another.";
        }
        localServers.startBundled(address);
        return "No registry answered at " + address
                + ", so this app started bundled servers (a registry and the \"Lobby\" group).";
    }

    public void setOnIncoming(Consumer<IncomingMessage> handler) {
        this.onIncoming = handler;
    }

    /** Opens the group's tab, or selects it when it is already open. */
    public void join(GroupInfo group) {
        ChatTabViewModel open = tab(group.name());
        if (open == null) {
            open = openTab(group.name(), group.endpoint());
            saveSettings();
        }
        selectedTab.set(open);
    }

    /** Leaves the group of a tab the user closed; it will not reopen on the next start. */
    public void leave(ChatTabViewModel tab) {
        tab.leave();
        tabs.remove(tab);
        endpoints.remove(tab.groupName());
        saveSettings();
    }

    /** Switches to another registry; returns why not, or null when the address was accepted. */
    public String connectToRegistry(String address) {
        String endpoint;
        try {
            endpoint = Fields.connectableEndpoint(address == null ? null : address.strip(), "address");
        } catch (ProtocolException e) {
            return e.getMessage().replace("\"address\": ", "");
        }
        registryAddress.set(endpoint);
        saveSettings();
        watcher.watch(endpoint);
        status.set("Looking for a registry at " + endpoint + "…");
        ui.inBackground(() -> LocalServers.registryAnswers(endpoint),
                found -> status.set(found ? "Connected to the registry at " + endpoint + "."
                        : "No registry answers at " + endpoint + "."),
                error -> status.set(error.getMessage()));
        return null;
    }

    /** Hosts a new group in this process; returns why not, or null when it is being started. */
    public String newGroup(String name, String portText) {
        String groupName;
        try {
            groupName = Fields.name(name, "name");
        } catch (ProtocolException e) {
            return e.getMessage().replace("\"name\"", "The group name");
        }
        if (groups.find(groupName) != null || tab(groupName) != null) {
            return "A group named \"" + groupName + "\" already exists; pick another name.";
        }
        int port;
        String text = portText == null ? "" : portText.strip();
        try {
            port = text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return "\"" + text + "\" is not a port number; leave it empty to let the system pick one.";
        }
        if (port < 0 || port > 65_535) {
            return "Port " + port + " is out of range 1..65535.";
        }
        String bind = new Endpoint("*", port).bindAddress();
        String registry = registryAddress.get();
        status.set("Starting the group \"" + groupName + "\"…");
        ui.inBackground(() -> localServers.host(groupName, bind, registry), endpoint -> {
            status.set("Hosting \"" + groupName + "\" at " + endpoint + "; it stops when you quit.");
            join(new GroupInfo(groupName, endpoint, 0, 0, 0, 0));
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

    private void groupsArrived(List<GroupInfo> live) {
        groups.update(live);
        for (GroupInfo group : live) {
            String known = endpoints.get(group.name());
            ChatTabViewModel tab = tab(group.name());
            if (known != null && tab != null && !known.equals(group.endpoint())) {
                endpoints.put(group.name(), group.endpoint());
                tab.retarget(group.endpoint());
                saveSettings();
            }
        }
    }

    private ChatTabViewModel openTab(String name, String endpoint) {
        ChatTabViewModel tab = new ChatTabViewModel(name, identity.user(), ZoneId.systemDefault(),
                System::currentTimeMillis);
        tab.setOnIncoming(line -> onIncoming.accept(new IncomingMessage(name, line)));
        tab.attach(sessions.open(name, endpoint, tab));
        endpoints.put(name, endpoint);
        tabs.add(tab);
        return tab;
    }

    private void saveSettings() {
        List<JoinedGroup> joined = tabs.stream()
                .map(t -> new JoinedGroup(t.groupName(), endpoints.get(t.groupName()))).toList();
        store.remember(new Settings(registryAddress.get(), joined));
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

    public Identity identity() {
        return identity;
    }
}
