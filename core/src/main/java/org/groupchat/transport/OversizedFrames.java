package org.groupchat.transport;

import java.util.concurrent.atomic.AtomicLong;
import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * The frame allocator of a connecting socket. A frame longer than a client accepts is noted and handed to the socket
 * as an empty frame, so its owner can say the server sent too large a reply instead of seeing a dropped connection;
 * memory stays bounded by the limit. Negative sizes (JeroMQ issue 1005, see SafeFrameAllocator) become empty frames.
 * Called on the socket's I/O thread; read by the thread that owns the socket.
 */
public final class OversizedFrames implements MsgAllocator {
    private final MsgAllocator usual = new MsgAllocatorThreshold();
    private final long maxFrameBytes;
    private final AtomicLong seen = new AtomicLong(-1);

    OversizedFrames(long maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Msg allocate(int size) {
        if (size < 0) {
            return new Msg(0);
        }
        if (size > maxFrameBytes) {
            seen.set(size);
            return new Msg(0);
        }
        return usual.allocate(size);
    }

    /** The size of a frame over the limit seen since the last call, or -1 when there was none. */
    public long take() {
        return seen.getAndSet(-1);
    }
}
