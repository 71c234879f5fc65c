package org.groupchat.protocol;

/** A stored chat message: per-group sequence number, client id, server timestamp, sender and text. */
public record Message(long seq, String id, long ts, User sender, String text) {}
