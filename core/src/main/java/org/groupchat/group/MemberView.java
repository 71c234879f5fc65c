package org.groupchat.group;

import java.util.List;
import java.util.Set;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.User;
import org.groupchat.security.ServerSecurity;

/**
 * The members a group shows (JOIN, MEMBERS) and counts (LIST's figures, metrics): a member whose key a private
 * group's allow-list no longer holds is neither shown nor counted. Used by the group's server thread only.
 */
final class MemberView {
    private final MessageStore store;
    private final Presence presence;
    private final LongPollQueue longPolls;
    private final ServerSecurity security;
    private final Set<String> owners;

    MemberView(
            MessageStore store,
            Presence presence,
            LongPollQueue longPolls,
            ServerSecurity security,
            Set<String> owners) {
        this.owners = owners;
        this.store = store;
        this.presence = presence;
        this.longPolls = longPolls;
        this.security = security;
    }

    List<User> members() {
        return store.members().stream().filter(u -> listed(u.id())).toList();
    }

    List<Member> withPresence() {
        long now = System.nanoTime();
        return members().stream()
                .map(u -> new Member(
                        u.id(),
                        u.name(),
                        presence.isOnline(u.id(), now, longPolls.waitingUsers()),
                        owners.contains(u.id()) ? Boolean.TRUE : null))
                .toList();
    }

    GroupStats stats() {
        int members = security == null || security.allowList() == null
                ? store.memberCount()
                : members().size();
        return new GroupStats(
                members,
                presence.onlineCount(System.nanoTime(), longPolls.waitingUsers(), this::listed),
                store.lastSeq());
    }

    private boolean listed(String userId) {
        return security == null || security.listsUser(userId);
    }
}
