package org.groupchat.group;

import java.util.HashMap;
import java.util.Map;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;

/**
 * How far each user has read the group (protocol 1.4, "read-markers"), stored so that two copies of one identity
 * agree and unread counts survive restarts; kept in memory too, as JOIN and every FETCH carry it. A marker only moves
 * forward and never past the log's end. Not a log event: it changes nothing others see.
 */
final class ReadMarkers {
    private final GroupState state;
    private final Map<String, Long> markers;

    ReadMarkers(GroupState state) {
        this.state = state;
        this.markers = new HashMap<>(state.readMarkers());
    }

    /** The user's marker; 0 when they never marked anything read. */
    long of(String userId) {
        return markers.getOrDefault(userId, 0L);
    }

    Reply.MarkedRead mark(String userId, Long seq, long lastSeq) throws ProtocolException {
        if (seq == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "\"seq\" is required: the last seq the user has read");
        }
        long before = of(userId);
        long now = Math.max(before, Math.min(Fields.nonNegative(seq, "seq"), lastSeq));
        if (now != before) {
            state.putReadMarker(userId, now);
            markers.put(userId, now);
        }
        return new Reply.MarkedRead(now);
    }
}
