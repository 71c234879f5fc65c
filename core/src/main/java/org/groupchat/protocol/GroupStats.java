package org.groupchat.protocol;

/** The figures a group server reports with each heartbeat. */
public record GroupStats(int members, int online, long lastSeq) {
    public static final GroupStats EMPTY = new GroupStats(0, 0, 0);
}
