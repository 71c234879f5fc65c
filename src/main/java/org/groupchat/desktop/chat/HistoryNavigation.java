package org.groupchat.desktop.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.Message;

/**
 * Where a tab's conversation stands in the group's history: "load earlier", "load since" a picked moment (with
 * "nothing since" and the way back), and the latest page. Part of a {@link ChatTabViewModel}; UI thread only.
 */
public final class HistoryNavigation {
    private static final DateTimeFormatter TIME_SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private final Conversation conversation;
    private final Supplier<GroupConnection> session;
    private final StringProperty notice;
    private final ZoneId zone;
    private final LongSupplier clock;
    private final BooleanProperty hasEarlier = new SimpleBooleanProperty();
    private final BooleanProperty loadingEarlier = new SimpleBooleanProperty();
    private final StringProperty nothingSince = new SimpleStringProperty("");
    private final IntegerProperty sinceShown = new SimpleIntegerProperty();
    private final IntegerProperty latestShown = new SimpleIntegerProperty();
    private final ObjectProperty<LocalDate> sinceDate = new SimpleObjectProperty<>();
    private final StringProperty sinceTime = new SimpleStringProperty("");
    private final ObjectProperty<Reveal> revealed = new SimpleObjectProperty<>();
    private long revealing;
    private long shownFrom = Long.MIN_VALUE;
    private long requestedSince = Long.MIN_VALUE;

    HistoryNavigation(
            Conversation conversation,
            Supplier<GroupConnection> session,
            StringProperty notice,
            ZoneId zone,
            LongSupplier clock) {
        this.conversation = conversation;
        this.session = session;
        this.notice = notice;
        this.zone = zone;
        this.clock = clock;
    }

    public void loadEarlier() {
        long first = conversation.firstSeq();
        if (hasEarlier.get() && !loadingEarlier.get() && first > 1) {
            loadingEarlier.set(true);
            session.get().loadEarlier(first);
        }
    }

    /** Which message the view should scroll to and light up; a new object each time it is asked. */
    public record Reveal(long seq) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Shows the stored message {@code seq}: at once if loaded, else after loading earlier pages down to it. */
    public void reveal(long seq) {
        revealing = 0;
        if (conversation.lineAt(seq) != null) {
            revealed.set(new Reveal(seq));
        } else if (seq < conversation.firstSeq() && hasEarlier.get()) {
            revealing = seq;
            notice.set("Loading earlier messages…");
            loadEarlier();
        } else {
            notice.set("That message is not in the group's history any more.");
        }
    }

    private void continueRevealing() {
        long seq = revealing;
        if (seq == 0) {
            return;
        }
        if (conversation.lineAt(seq) != null || seq >= conversation.firstSeq() || !hasEarlier.get()) {
            notice.set("");
            reveal(seq);
        } else {
            loadEarlier();
        }
    }

    public ObjectProperty<Reveal> revealedProperty() {
        return revealed;
    }

    /** Shows exactly the messages from the picked date and time on. */
    public void loadSince() {
        if (sinceDate.get() == null) {
            notice.set("Pick a date to load messages since.");
            return;
        }
        LocalTime time;
        try {
            String text = sinceTime.get() == null ? "" : sinceTime.get().strip();
            time = text.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            notice.set("\"" + sinceTime.get() + "\" is not a time; write it like 14:30 or 14:30:15.");
            return;
        }
        long since = sinceDate.get().atTime(time).atZone(zone).toInstant().toEpochMilli();
        if (since > clock.getAsLong()) {
            notice.set("That moment is still to come; pick a date and time up to now.");
            return;
        }
        notice.set("");
        requestedSince = since;
        session.get().loadSince(requestedSince);
    }

    /** Shows the newest messages again after "load since". */
    public void backToLatest() {
        nothingSince.set("");
        session.get().loadLatest();
    }

    void newestPage(List<Message> messages, boolean earlier) {
        conversation.addStored(
                messages.stream().filter(m -> m.ts() >= shownFrom).toList());
        hasEarlier.set(earlier);
    }

    void earlierLoaded(List<Message> messages, boolean earlier) {
        loadingEarlier.set(false);
        conversation.addStored(messages);
        hasEarlier.set(earlier);
        continueRevealing();
    }

    void sinceLoaded(List<Message> messages, boolean earlier) {
        shownFrom = requestedSince;
        conversation.replaceStored(messages);
        hasEarlier.set(earlier);
        nothingSince.set(
                messages.isEmpty()
                        ? "No messages since "
                                + TIME_SHOWN.format(
                                        Instant.ofEpochMilli(requestedSince).atZone(zone)) + "."
                        : "");
        sinceShown.set(sinceShown.get() + 1);
    }

    void latestLoaded(List<Message> messages, boolean earlier) {
        shownFrom = Long.MIN_VALUE;
        conversation.replaceStored(messages);
        hasEarlier.set(earlier);
        nothingSince.set("");
        latestShown.set(latestShown.get() + 1);
    }

    /** The group's history was replaced: nothing shown stands; the newest page of the new history follows. */
    void replaced() {
        shownFrom = Long.MIN_VALUE;
        loadingEarlier.set(false);
        hasEarlier.set(false);
        nothingSince.set("");
        conversation.replaceStored(List.of());
    }

    /** A history read failed: "load earlier" may be asked again. */
    void failed() {
        loadingEarlier.set(false);
        revealing = 0;
    }

    public BooleanProperty hasEarlierProperty() {
        return hasEarlier;
    }

    public BooleanProperty loadingEarlierProperty() {
        return loadingEarlier;
    }

    /** "No messages since …" after a "load since" that found none, else "". */
    public StringProperty nothingSinceProperty() {
        return nothingSince;
    }

    /** Counts "load since" results shown: the view then shows their first message. */
    public IntegerProperty sinceShownProperty() {
        return sinceShown;
    }

    /** Counts "back to the latest" results shown: the view then shows the latest message. */
    public IntegerProperty latestShownProperty() {
        return latestShown;
    }

    public ObjectProperty<LocalDate> sinceDateProperty() {
        return sinceDate;
    }

    public StringProperty sinceTimeProperty() {
        return sinceTime;
    }
}
