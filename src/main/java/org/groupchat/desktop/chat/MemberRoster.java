package org.groupchat.desktop.chat;

import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.User;

/** A tab's members as the list shows them: online first, then by name; changed only when MEMBERS says otherwise. */
final class MemberRoster {
    private final ObservableList<Member> members = FXCollections.observableArrayList();

    ObservableList<Member> list() {
        return members;
    }

    /** MEMBERS answers every few seconds; only a change may redraw the conversation (mentions name members). */
    void update(List<Member> answered) {
        List<Member> sorted = answered.stream()
                .sorted((a, b) ->
                        a.online() == b.online() ? a.name().compareToIgnoreCase(b.name()) : a.online() ? -1 : 1)
                .toList();
        if (!sorted.equals(members)) {
            members.setAll(sorted);
        }
    }

    /** Cut off from the group, we cannot know who is online: nobody is shown online until it answers again. */
    void allOffline() {
        members.setAll(members.stream()
                .map(m -> new Member(m.id(), m.name(), false, m.owner()))
                .toList());
    }

    /** "@name" of each member {@code line} mentions whose name is known here, to make them stand out. */
    List<String> mentionWords(ChatLine line, User me) {
        return line.folded().mentions().stream()
                .map(id -> id.equals(me.id())
                        ? me.name()
                        : members.stream()
                                .filter(m -> m.id().equals(id))
                                .map(Member::name)
                                .findFirst()
                                .orElse(null))
                .filter(Objects::nonNull)
                .map(name -> "@" + name)
                .toList();
    }
}
