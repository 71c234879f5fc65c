package org.groupchat.desktop.chat;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.Message;

/**
 * Ctrl+F in a tab: the query, the server's hits (newest first, feature "search"), and whether older hits remain.
 * Only the answer to the latest query is shown. Part of a {@link ChatTabViewModel}; UI thread only.
 */
public final class SearchModel {
    private final Supplier<GroupConnection> session;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final BooleanProperty more = new SimpleBooleanProperty();
    private final ObservableList<Message> hits = FXCollections.observableArrayList();
    private String asked;

    SearchModel(Supplier<GroupConnection> session) {
        this.session = session;
    }

    /** Searches for what the query field holds. */
    public void run() {
        String words = query.get() == null ? "" : query.get().strip();
        if (words.isEmpty()) {
            hits.clear();
            more.set(false);
            status.set("Type a word to search for.");
            return;
        }
        asked = words;
        status.set("Searching…");
        session.get().search(words, null);
    }

    /** Asks for the next, older page of hits. */
    public void loadMore() {
        if (asked != null && more.get() && !hits.isEmpty()) {
            status.set("Searching…");
            session.get().search(asked, hits.get(hits.size() - 1).seq());
        }
    }

    void found(String forQuery, List<Message> page, boolean older, boolean olderPage) {
        if (!forQuery.equals(asked)) {
            return;
        }
        if (olderPage) {
            hits.addAll(page);
        } else {
            hits.setAll(page);
        }
        more.set(older);
        status.set(
                hits.isEmpty()
                        ? "No messages match \"" + asked + "\"."
                        : hits.size() + (older ? "+" : "") + (hits.size() == 1 ? " message" : " messages"));
    }

    void failed(String forQuery, String reason) {
        if (forQuery.equals(asked)) {
            status.set("Search failed: " + reason);
        }
    }

    /** Search is not offered by this group's server. */
    public void unavailable() {
        status.set("This group's server cannot search (it is older than GroupChat 0.2).");
    }

    public void close() {
        open.set(false);
        asked = null;
        hits.clear();
        status.set("");
    }

    /** The words of the query shown, for highlighting. */
    public List<String> terms() {
        return asked == null
                ? List.of()
                : List.of(asked.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public BooleanProperty moreProperty() {
        return more;
    }

    public ObservableList<Message> hits() {
        return hits;
    }
}
