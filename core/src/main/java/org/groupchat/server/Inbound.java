package org.groupchat.server;

import java.util.List;

/**
 * One request as it arrived on a ROUTER socket: the envelope to answer on, the request frame, the binary frame after it
 * (1.5, a file chunk; null when there is none) and the public key its connection authenticated with (null without CURVE).
 */
public record Inbound(List<byte[]> route, byte[] body, String problem, String peerKey, byte[] attachment) {

    public Inbound(List<byte[]> route, byte[] body, String problem, String peerKey) {
        this(route, body, problem, peerKey, null);
    }

    /** Splits a ROUTER message into envelope and body: [identity..., empty, body] from REQ, [identity, body] from a bare DEALER. */
    static Inbound split(List<byte[]> frames, String peerKey) {
        int delimiter = -1;
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i).length == 0) {
                delimiter = i;
                break;
            }
        }
        int bodyStart = delimiter >= 0 ? delimiter + 1 : 1;
        List<byte[]> route = List.copyOf(frames.subList(0, bodyStart));
        int bodyFrames = frames.size() - bodyStart;
        if (bodyFrames == 1) {
            return new Inbound(route, frames.get(bodyStart), null, peerKey);
        }
        if (bodyFrames == 2) {
            // Only an op that carries bytes may have a second frame; decoding the first says which op it is.
            return new Inbound(route, frames.get(bodyStart), null, peerKey, frames.get(bodyStart + 1));
        }
        return new Inbound(
                route,
                new byte[0],
                bodyFrames == 0
                        ? "request has no frame after the envelope"
                        : "a request must be exactly one frame, got " + bodyFrames,
                peerKey);
    }
}
