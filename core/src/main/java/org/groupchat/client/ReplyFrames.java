package org.groupchat.client;

import org.groupchat.transport.ReqSlot;

/** What a client says of a reply that broke the framing: over the frame limit, or more than one frame. */
public final class ReplyFrames {
    private ReplyFrames() {}

    /**
     * @throws ReplyTooLargeException when the slot dropped a reply frame over the limit
     * @throws ProtocolViolationException when the last reply had more than one frame
     */
    public static void check(ReqSlot slot) {
        long bytes = slot.takeOversized();
        if (bytes >= 0) {
            throw new ReplyTooLargeException(slot.endpoint(), bytes);
        }
        if (slot.takeExtraFrames()) {
            throw new ProtocolViolationException(slot.endpoint(), null, "is more than one frame");
        }
    }
}
