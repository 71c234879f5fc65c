package org.groupchat.group;

import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Reply;

/** A SEND's id names one message of one sender; another user's SEND with that id is refused, never answered with it. */
final class SendIds {
    private SendIds() {}

    static Reply takenByAnother(String id) {
        return Reply.Failure.of(
                ErrorCode.BAD_REQUEST,
                "the id " + id + " already names another user's message in this"
                        + " group; make a fresh UUID for each message",
                null);
    }
}
