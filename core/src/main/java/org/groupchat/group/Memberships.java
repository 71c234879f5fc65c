package org.groupchat.group;

import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JOIN and LEAVE of one group: who is a member, under which name; used by the group's server thread only. */
final class Memberships {
    private static final Logger LOG = LoggerFactory.getLogger(Memberships.class);

    private final GroupServerConfig config;
    private final MessageStore store;
    private final Presence presence;
    private final MemberView memberView;
    private final ReadMarkers readMarkers;
    private final Moderation moderation;

    Memberships(
            GroupServerConfig config,
            MessageStore store,
            Presence presence,
            MemberView memberView,
            ReadMarkers readMarkers,
            Moderation moderation) {
        this.config = config;
        this.store = store;
        this.presence = presence;
        this.memberView = memberView;
        this.readMarkers = readMarkers;
        this.moderation = moderation;
    }

    /** Idempotent; the reply carries the user's read marker and whether they own the group (1.4). */
    Reply.Joined join(Request.Join join) throws ProtocolException {
        String userId = Fields.userId(join.user());
        User known = store.member(userId).orElse(null);
        String name;
        if (join.user().name() != null) {
            name = Fields.name(join.user().name(), "user.name");
        } else if (known != null) {
            name = known.name();
        } else {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "\"user.name\" is required to join for the first time");
        }
        if (known == null && store.memberCount() >= config.limits().maxMembers()) {
            throw new ProtocolException(
                    ErrorCode.TOO_LARGE,
                    "the group is full: it has " + config.limits().maxMembers() + " members");
        }
        if (known == null || !known.name().equals(name)) {
            store.putMember(new User(userId, name));
        }
        presence.seen(userId, System.nanoTime());
        return new Reply.Joined(
                store.lastSeq(),
                memberView.members(),
                store.historyId(),
                readMarkers.of(userId),
                moderation.isOwner(userId));
    }

    /** Idempotent. */
    Reply.Done leave(Request.Leave leave) throws ProtocolException {
        String userId = Fields.userId(leave.user());
        if (store.removeMember(userId)) {
            presence.forget(userId);
            LOG.debug("group \"{}\": {} left", config.name(), userId);
        }
        return new Reply.Done();
    }

    /** The stored member behind the request's user; marks them online. */
    User require(User user) throws ProtocolException {
        String userId = Fields.userId(user);
        User member = store.member(userId)
                .orElseThrow(() -> new ProtocolException(
                        ErrorCode.NOT_MEMBER, "you are not a member of \"" + config.name() + "\"; JOIN first"));
        presence.seen(userId, System.nanoTime());
        return member;
    }
}
