package org.groupchat.desktop.session;

/** Opens the live connection behind a new tab; {@code serverKey} is the group's public key, null without security. */
@FunctionalInterface
public interface SessionFactory {
    GroupConnection open(String groupName, String endpoint, String serverKey, SessionListener listener);
}
