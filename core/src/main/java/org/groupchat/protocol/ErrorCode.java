package org.groupchat.protocol;

/** The error codes of protocol version 1; every failure reply carries exactly one of them. */
public enum ErrorCode {
    BAD_REQUEST,
    NOT_MEMBER,
    TOO_LARGE,
    RATE_LIMITED,
    NAME_TAKEN,
    UNKNOWN_GROUP,
    UNAUTHORIZED,
    /** 1.4: the user may not do this (another's message, moderation by a non-owner or without security, a ban). */
    FORBIDDEN,
    INTERNAL
}
