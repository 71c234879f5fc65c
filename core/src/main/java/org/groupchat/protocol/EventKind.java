package org.groupchat.protocol;

import java.util.Arrays;

/**
 * What an entry of a group's log is (protocol 1.4, "Growing the contract"): its wire name is the message's
 * {@code kind}, absent for a plain message. Every kind carries a {@code text} a v1 client can show as it is.
 */
public enum EventKind {
    /** A message; may quote an earlier one ({@code replyTo}) and name members it mentions ({@code mentions}). */
    MESSAGE("message"),
    /** The author's new text for {@code target}. */
    EDIT("edit"),
    /** The author took {@code target} back. */
    DELETE("delete"),
    /** The sender reacts to {@code target} with {@code emoji}. */
    REACTION("reaction"),
    /** The sender takes back their {@code emoji} reaction to {@code target}. */
    UNREACTION("unreaction"),
    /** An owner removed {@code target}, another member's message. */
    REMOVE("remove"),
    /** An owner removed {@code member} from the group; they may join again. */
    KICK("kick"),
    /** An owner banned {@code member}: removed, and refused until unbanned. */
    BAN("ban"),
    /** An owner lifted the ban on {@code member}. */
    UNBAN("unban"),
    /** 1.5, feature "files": the sender shared the file its {@code file} field describes (appended by the upload only). */
    FILE("file"),
    /** A kind of a later addition: show its text. */
    UNKNOWN(null);

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    /** The value of {@code kind} on the wire; null for {@link #UNKNOWN}. */
    public String wire() {
        return wire;
    }

    /** A missing kind is a message. */
    public static EventKind of(String wire) {
        if (wire == null) {
            return MESSAGE;
        }
        return Arrays.stream(values())
                .filter(k -> wire.equals(k.wire))
                .findFirst()
                .orElse(UNKNOWN);
    }

    /** Kinds whose {@code target} is an earlier message of the log. */
    public boolean hasTarget() {
        return this == EDIT || this == DELETE || this == REACTION || this == UNREACTION || this == REMOVE;
    }

    /** Kinds that take {@code member} out of the group. */
    public boolean removesMember() {
        return this == KICK || this == BAN;
    }

    /** Kinds that only an owner of the group may send. */
    public boolean ownersOnly() {
        return this == REMOVE || this == KICK || this == BAN || this == UNBAN;
    }
}
