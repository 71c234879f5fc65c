package org.groupchat.protocol;

/** A member of a group, and whether they made a request in the last 15 seconds. */
public record Member(String id, String name, boolean online) {}
