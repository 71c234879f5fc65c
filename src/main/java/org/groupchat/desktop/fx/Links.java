package org.groupchat.desktop.fx;

import java.util.function.Consumer;

/** Opens a link from a message in the system's browser (or mail program), through the application's HostServices. */
public final class Links {
    private static volatile Consumer<String> opener = address -> {};
    private static volatile String lastOpened;

    private Links() {}

    /** Set once at start: how this app opens a document. */
    public static void openWith(Consumer<String> open) {
        opener = open;
    }

    public static void open(String address) {
        lastOpened = address;
        opener.accept(address);
    }

    /** The address opened last, for tests. */
    public static String lastOpened() {
        return lastOpened;
    }
}
