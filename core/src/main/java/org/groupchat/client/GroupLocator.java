package org.groupchat.client;

/** Says where a group answers now, for a client that found it unreachable; null when no registry knows the group. */
@FunctionalInterface
public interface GroupLocator {
    String endpointNow();
}
