package org.groupchat.desktop.profile;

/** A group this profile made with New group…: hosted again, with its history, each time the app starts. */
public record HostedGroup(String name, int port) {}
