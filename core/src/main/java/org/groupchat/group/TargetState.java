package org.groupchat.group;

/**
 * What a group's log says about one earlier message, for checking an event about it: whether it was taken back
 * (deleted by its author or removed by an owner), and whether the asking user's reaction with one emoji stands.
 */
public record TargetState(boolean takenBack, boolean reacted) {}
