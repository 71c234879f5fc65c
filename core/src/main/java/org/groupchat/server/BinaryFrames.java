package org.groupchat.server;

import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Request;

/** The rule of protocol 1.5: only a FILE_CHUNK request carries a second (binary) frame, and it must. */
final class BinaryFrames {
    private BinaryFrames() {}

    /** The request with its bytes, or BAD_REQUEST for a second frame on another op or a chunk without one. */
    static Request attach(Request request, byte[] attachment) throws ProtocolException {
        if (request instanceof Request.FileChunk chunk) {
            if (attachment == null) {
                throw new ProtocolException(
                        ErrorCode.BAD_REQUEST,
                        "FILE_CHUNK carries the chunk's bytes in a second frame after its JSON; it has none");
            }
            return chunk.withBytes(attachment);
        }
        if (attachment != null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a request must be exactly one frame, got 2");
        }
        return request;
    }
}
