package org.groupchat.desktop.session;

/** How a tab's session currently reaches its group server. */
public enum ConnectionState {
    CONNECTING("connecting…"),
    CONNECTED("connected"),
    RECONNECTING("reconnecting…"),
    OFFLINE("offline");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    /** The word shown to the user. */
    public String label() {
        return label;
    }
}
