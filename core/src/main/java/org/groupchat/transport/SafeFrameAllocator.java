package org.groupchat.transport;

import zmq.Msg;
import zmq.msg.MsgAllocator;
import zmq.msg.MsgAllocatorThreshold;

/**
 * JeroMQ's frame allocator, made safe against JeroMQ issue 1005: a ZMTP frame whose 64-bit length reads as a
 * negative number passes the size checks, and allocating it throws inside the decoder, which then spins forever
 * and deafens every connection of the socket. Here such a frame becomes an empty frame, which servers answer with
 * BAD_REQUEST; the decoder stays consistent and everyone else is served.
 */
public final class SafeFrameAllocator implements MsgAllocator {
    public static final SafeFrameAllocator INSTANCE = new SafeFrameAllocator();

    private final MsgAllocator usual = new MsgAllocatorThreshold();

    private SafeFrameAllocator() {}

    @Override
    public Msg allocate(int size) {
        return size < 0 ? new Msg(0) : usual.allocate(size);
    }
}
