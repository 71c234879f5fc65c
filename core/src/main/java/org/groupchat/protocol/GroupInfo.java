package org.groupchat.protocol;

/** A live group as the registry lists it, with the figures of its server's last heartbeat. */
public record GroupInfo(String name, String endpoint, int members, int online, long lastSeq, long since) {}
