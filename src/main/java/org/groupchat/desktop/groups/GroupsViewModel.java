package org.groupchat.desktop.groups;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.groupchat.protocol.GroupInfo;

/** The live groups from the registry, filtered by name; joining one is handed to the main window. */
public final class GroupsViewModel {
    private final ObservableList<GroupInfo> groups = FXCollections.observableArrayList();
    private final FilteredList<GroupInfo> filtered = new FilteredList<>(groups);
    private final SortedList<GroupInfo> shown =
            new SortedList<>(filtered, (a, b) -> a.name().compareToIgnoreCase(b.name()));
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Looking for the registry…");
    private Consumer<GroupInfo> onJoin = group -> {};
    // members and online as the group itself told an open tab: fresher than the registry's, which lag a heartbeat
    private final Map<String, int[]> countsFromTabs = new HashMap<>();

    public GroupsViewModel() {
        filter.addListener((obs, was, now) -> {
            String needle = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(
                    g -> needle.isEmpty() || g.name().toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    public void setOnJoin(Consumer<GroupInfo> handler) {
        this.onJoin = handler;
    }

    /** Brings the list up to date in place, so the selection and scroll position survive a refresh. */
    public void update(List<GroupInfo> live) {
        Map<String, GroupInfo> byName = live.stream()
                .map(this::withCountsFromTab)
                .collect(Collectors.toMap(GroupInfo::name, g -> g, (a, b) -> a));
        groups.removeIf(g -> !byName.containsKey(g.name()));
        for (int i = 0; i < groups.size(); i++) {
            GroupInfo fresh = byName.remove(groups.get(i).name());
            if (!fresh.equals(groups.get(i))) {
                groups.set(i, fresh);
            }
        }
        groups.addAll(byName.values());
        status.set(
                live.isEmpty()
                        ? "No groups yet: create one with File › New group…"
                        : live.size() == 1 ? "1 group" : live.size() + " groups");
    }

    /** An open tab's member list changed: the row shows its counts at once. */
    public void membersSeen(String name, int members, int online) {
        countsFromTabs.put(name, new int[] {members, online});
        for (int i = 0; i < groups.size(); i++) {
            GroupInfo patched = withCountsFromTab(groups.get(i));
            if (patched != groups.get(i)) {
                groups.set(i, patched);
            }
        }
    }

    /** The tab closed: the registry's counts are the best again. */
    public void forgetMembers(String name) {
        countsFromTabs.remove(name);
    }

    private GroupInfo withCountsFromTab(GroupInfo group) {
        int[] counts = countsFromTabs.get(group.name());
        if (counts == null || (counts[0] == group.members() && counts[1] == group.online())) {
            return group;
        }
        return new GroupInfo(
                group.name(),
                group.endpoint(),
                counts[0],
                counts[1],
                group.lastSeq(),
                group.since(),
                group.publicKey());
    }

    public void registryUnreachable(String message) {
        groups.clear();
        status.set(message);
    }

    public void join(GroupInfo group) {
        if (group != null) {
            onJoin.accept(group);
        }
    }

    public GroupInfo find(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }

    public ObservableList<GroupInfo> shownGroups() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
