package org.groupchat.transport;

import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * JeroMQ's frame allocator, made safe against JeroMQ issue 1005. JeroMQ 0.6.0 checks a frame's 64-bit length as a
 * signed number and then casts it to int: a length of 2^63 or more passes the checks and reaches the allocator as
 * any int at all, negative (an exception that leaves the decoder spinning forever) or up to 2 GiB (an
 * OutOfMemoryError). Positive lengths over the socket's frame limit are refused before they get here, so any size
 * outside 0..limit here comes from such a frame: it becomes an empty frame, which servers answer with BAD_REQUEST.
 */
public final class SafeFrameAllocator implements MsgAllocator {
    private final MsgAllocator usual = new MsgAllocatorThreshold();
    private final long maxFrameBytes;

    private SafeFrameAllocator(long maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** An allocator for a socket whose {@code MAXMSGSIZE} is {@code maxFrameBytes}. */
    public static SafeFrameAllocator forLimit(long maxFrameBytes) {
        return new SafeFrameAllocator(maxFrameBytes);
    }

    @Override
    public Msg allocate(int size) {
        return size < 0 || size > maxFrameBytes ? new Msg(0) : usual.allocate(size);
    }
}
