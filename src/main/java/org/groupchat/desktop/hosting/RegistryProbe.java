package org.groupchat.desktop.hosting;

/** What a registry address said to a quick PING. */
public enum RegistryProbe {
    ANSWERS,
    /** Something took our connection and dropped our handshake: a secure registry we hold no (or the wrong) key for. */
    REFUSED_HANDSHAKE,
    SILENT
}
