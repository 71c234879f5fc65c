package org.groupchat.desktop.hosting;

/** A group this app hosts: where it listens and its CURVE public key (null without security). */
public record Hosted(String endpoint, String publicKey) {}
