package org.groupchat.client;

/**
 * The group's history id as a client last saw it (protocol 1.1): a new id means the history was replaced, as by a
 * restore, so the seqs seen before no longer name the same messages.
 */
final class HistoryIdWatch {
    private volatile String current;
    private volatile Runnable onReplaced = () -> {};

    String current() {
        return current;
    }

    void onReplaced(Runnable listener) {
        this.onReplaced = listener;
    }

    /** Records the id; true when it replaced another one (the listener has then run). */
    boolean note(String seen) {
        if (seen == null) {
            return false;
        }
        String before = current;
        current = seen;
        if (before != null && !before.equals(seen)) {
            onReplaced.run();
            return true;
        }
        return false;
    }
}
