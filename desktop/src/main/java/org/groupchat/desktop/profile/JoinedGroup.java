package org.groupchat.desktop.profile;

/** A group the user has joined and whose tab reopens on the next start. */
public record JoinedGroup(String name, String endpoint) {}
