package org.groupchat.group;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.security.PublicKeys;
import org.groupchat.security.ServerSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group's owners and bans (protocol 1.4, feature "moderation"), kept in memory beside the store that persists them.
 * Owners mean something only with security on, where a user id is proven by the connection's key: the key that hosts
 * the group and the operator's {@code --owner} keys become owners and stay so. Used by the group's server thread only.
 */
final class Moderation {
    private static final Logger LOG = LoggerFactory.getLogger(Moderation.class);
    private final String groupName;
    private final GroupState state;
    private final boolean secure;
    private final Set<String> owners;
    private final Map<String, String> bans;

    Moderation(GroupServerConfig config, MessageStore store) {
        this.groupName = config.name();
        this.state = store.state();
        ServerSecurity security = config.security();
        this.secure = security != null;
        if (secure) {
            Set<String> given = new HashSet<>(config.owners());
            given.add(PublicKeys.userIdFor(security.keys().publicKey()));
            state.addOwners(given);
            owners = state.owners();
        } else {
            owners = Set.of();
        }
        bans = new HashMap<>(state.bans());
    }

    boolean isOwner(String userId) {
        return owners.contains(userId);
    }

    /** The owners, for MEMBERS; empty without security. */
    Set<String> owners() {
        return owners;
    }

    boolean isBanned(String userId) {
        return bans.containsKey(userId);
    }

    /** The name a banned user had when banned, or null. */
    String bannedName(String userId) {
        return bans.get(userId);
    }

    /** Refuses every request of a banned user, whatever it is. */
    void refuseBanned(Request request) throws ProtocolException {
        if (bans.isEmpty() || !(request instanceof Request.AsUser asUser)) {
            return;
        }
        String userId;
        try {
            userId = Fields.userId(asUser.user());
        } catch (ProtocolException malformed) {
            return; // its own handler says what is wrong with it
        }
        if (isBanned(userId)) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, bannedSentence());
        }
    }

    /** Refuses an owners-only kind from anyone but an owner, and from everyone while security is off. */
    void requireOwner(String userId, EventKind kind) throws ProtocolException {
        if (!secure) {
            throw new ProtocolException(
                    ErrorCode.FORBIDDEN,
                    "moderation (\"" + kind.wire() + "\") needs security: \""
                            + groupName
                            + "\" runs without CURVE, so no user's identity is proven; its operator turns security on"
                            + " with the launcher's --secure flag and names owners with --owner KEY");
        }
        if (!isOwner(userId)) {
            throw new ProtocolException(
                    ErrorCode.FORBIDDEN, "only an owner of \"" + groupName + "\" may send \"" + kind.wire() + "\"");
        }
    }

    /**
     * Brings this server's memory up to a kick, ban or unban just stored in the log (the store's schema carried it out in
     * the event's own transaction); returns the user whose membership ended, or null. Called once per fresh event, after
     * its commit.
     */
    String apply(Message event, MessageStore store) {
        try {
            return remember(event, store);
        } catch (RuntimeException e) { // the event and its effect are stored; only this server's memory lags
            LOG.error(
                    "group \"{}\": {} #{} is stored, but this server misses it until its next start: {}",
                    groupName,
                    event.kind(),
                    event.seq(),
                    e.getMessage());
            return null;
        }
    }

    /** What a kicked or banned user's held FETCH is answered with: what their next request would get. */
    Reply.Failure refusalAfter(Message event) {
        return event.eventKind() == EventKind.BAN
                ? Reply.Failure.of(ErrorCode.FORBIDDEN, bannedSentence(), null)
                : Reply.Failure.of(
                        ErrorCode.NOT_MEMBER, "an owner removed you from \"" + groupName + "\"; JOIN again", null);
    }

    private String bannedSentence() {
        return "you are banned from \"" + groupName + "\" by an owner";
    }

    private String remember(Message event, MessageStore store) {
        EventKind kind = event.eventKind();
        if (kind == EventKind.BAN) {
            bans.putIfAbsent(
                    event.member(),
                    store.member(event.member()).map(u -> u.name()).orElse(null));
        } else if (kind == EventKind.UNBAN) {
            bans.remove(event.member());
            return null;
        } else if (kind != EventKind.KICK) {
            return null;
        }
        store.removeMember(event.member());
        return event.member();
    }
}
