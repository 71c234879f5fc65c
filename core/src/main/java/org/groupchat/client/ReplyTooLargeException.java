package org.groupchat.client;

import org.groupchat.transport.ConnectingSockets;

/** The server sent a reply frame larger than a client accepts ({@link ConnectingSockets#MAX_FRAME_BYTES}). */
public final class ReplyTooLargeException extends ProtocolViolationException {
    private final long bytes;

    public ReplyTooLargeException(String endpoint, long bytes) {
        super(
                endpoint,
                "the server at " + endpoint + " broke the protocol: it sent a reply of " + bytes
                        + " bytes, larger than the limit of " + ConnectingSockets.MAX_FRAME_BYTES + " bytes ("
                        + ConnectingSockets.MAX_FRAME_BYTES / (1024 * 1024) + " MiB)");
        this.bytes = bytes;
    }

    public long bytes() {
        return bytes;
    }
}
