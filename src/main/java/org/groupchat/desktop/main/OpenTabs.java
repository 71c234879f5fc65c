package org.groupchat.desktop.main;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.files.FilePlaces;
import org.groupchat.desktop.groups.GroupsViewModel;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.desktop.profile.JoinedGroup;
import org.groupchat.desktop.session.SessionFactory;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.Member;

/**
 * The open chat tabs, the group each one shows and the selected one: opens a tab with its session, follows a group
 * to its new address, starts a tab afresh when the group's security changed, and forgets a closed or left tab.
 * Used on the UI thread.
 */
final class OpenTabs {
    private final Identity identity;
    private final SessionFactory sessions;
    private final GroupsViewModel groups;
    private final StringProperty status;
    private final Runnable saveSettings;
    private final ObservableList<ChatTabViewModel> tabs = FXCollections.observableArrayList();
    private final Map<String, JoinedGroup> joined = new LinkedHashMap<>();
    private final ObjectProperty<ChatTabViewModel> selected = new SimpleObjectProperty<>();
    private Consumer<IncomingMessage> onIncoming = message -> {};
    private FilePlaces files;

    OpenTabs(
            Identity identity,
            SessionFactory sessions,
            GroupsViewModel groups,
            StringProperty status,
            Runnable saveSettings) {
        this.identity = identity;
        this.sessions = sessions;
        this.groups = groups;
        this.status = status;
        this.saveSettings = saveSettings;
    }

    /** Where every tab's file transfers run and land. */
    void useFiles(FilePlaces places) {
        this.files = places;
    }

    void setOnIncoming(Consumer<IncomingMessage> handler) {
        this.onIncoming = handler;
    }

    ObservableList<ChatTabViewModel> list() {
        return tabs;
    }

    ObjectProperty<ChatTabViewModel> selectedProperty() {
        return selected;
    }

    /** The tab of the group with this name, or null. */
    ChatTabViewModel named(String name) {
        return tabs.stream().filter(t -> t.groupName().equals(name)).findFirst().orElse(null);
    }

    /** What each open tab shows, in tab order, to be remembered for the next start. */
    List<JoinedGroup> remembered() {
        return tabs.stream().map(t -> joined.get(t.groupName())).toList();
    }

    ChatTabViewModel open(JoinedGroup group) {
        ChatTabViewModel tab = newTab(group);
        tabs.add(tab);
        return tab;
    }

    void close(ChatTabViewModel tab) {
        tab.close();
        forget(tab);
    }

    void leave(ChatTabViewModel tab) {
        tab.leave();
        forget(tab);
    }

    void closeAll() {
        tabs.forEach(ChatTabViewModel::close);
    }

    /**
     * Follows each open group the registry lists at another address or with another key; {@code plaintextRefused}
     * says (and tells the user) when a group may not be talked to in plaintext.
     */
    void follow(List<GroupInfo> live, Predicate<GroupInfo> plaintextRefused) {
        for (GroupInfo group : live) {
            JoinedGroup known = joined.get(group.name());
            ChatTabViewModel tab = named(group.name());
            JoinedGroup now =
                    new JoinedGroup(group.name(), group.endpoint(), group.publicKey(), known != null && known.muted());
            if (known == null || tab == null || known.equals(now) || plaintextRefused.test(group)) {
                continue;
            }
            if (group.secure() == (known.publicKey() != null)) {
                joined.put(group.name(), now);
                tab.retarget(group.endpoint(), group.publicKey());
            } else {
                reopen(tab, now);
            }
            saveSettings.run();
        }
    }

    private void forget(ChatTabViewModel tab) {
        tabs.remove(tab);
        joined.remove(tab.groupName());
        groups.forgetMembers(tab.groupName());
        saveSettings.run();
    }

    /** The group turned security on or off: the user's id changes with it, so the tab starts afresh. */
    private void reopen(ChatTabViewModel old, JoinedGroup group) {
        boolean wasSelected = old == selected.get();
        old.close();
        int index = tabs.indexOf(old);
        ChatTabViewModel fresh = newTab(group);
        tabs.set(index, fresh);
        if (wasSelected) {
            selected.set(fresh);
        }
    }

    private ChatTabViewModel newTab(JoinedGroup group) {
        String name = group.name();
        ChatTabViewModel tab = new ChatTabViewModel(
                name, identity.userFor(group.publicKey() != null), ZoneId.systemDefault(), System::currentTimeMillis);
        tab.setOnIncoming(line -> onIncoming.accept(
                new IncomingMessage(name, line, line.mentions(tab.me().id()))));
        // LEAVE too: after a kick the session may already have joined again on its own
        tab.setOnRemoved(reason -> {
            leave(tab);
            status.set(reason);
        });
        if (files != null) {
            tab.useFiles(files);
        }
        tab.showServerKey(group.publicKey());
        tab.members().addListener((ListChangeListener<Member>)
                change -> groups.membersSeen(name, tab.members().size(), (int)
                        tab.members().stream().filter(Member::online).count()));
        tab.attach(sessions.open(name, group.endpoint(), group.publicKey(), tab.reports()));
        tab.mutedProperty().set(group.muted());
        tab.mutedProperty().addListener((obs, was, now) -> {
            joined.computeIfPresent(name, (n, known) -> known.withMuted(now));
            saveSettings.run();
        });
        joined.put(name, group);
        return tab;
    }
}
