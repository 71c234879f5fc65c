package org.groupchat.desktop.chat;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a conversation where a chat user expects it: at the latest message while the user is there (new messages
 * scroll into view, our own always do), still while the user reads further up (new messages below are counted for
 * a "N new messages" button), and steady when older pages arrive above. Only the user's own scrolling changes
 * whether we follow; programmatic layout changes never do.
 */
final class ConversationScroller {
    /** Fired by a row whose height changed after it was laid out (a picture that finished loading). */
    static final EventType<Event> ROW_RESIZED = new EventType<>(Event.ANY, "ROW_RESIZED");

    private final ListView<ChatLine> list;
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final IntegerProperty newBelow = new SimpleIntegerProperty();

    ConversationScroller(ListView<ChatLine> list) {
        this.list = list;
        list.getItems().addListener(this::onChange);
        list.addEventFilter(ScrollEvent.SCROLL, event -> afterUserScroll());
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> afterUserScroll());
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> afterUserScroll());
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> afterUserScroll());
        list.addEventHandler(ROW_RESIZED, event -> {
            if (following.get()) {
                scrollToLatest();
            }
        });
        list.heightProperty().addListener((obs, was, now) -> {
            if (following.get()) {
                scrollToLatest();
            }
        });
    }

    /** True while the latest message is in view and new ones scroll into view. */
    ReadOnlyBooleanProperty followingProperty() {
        return following;
    }

    /** How many messages arrived below the view since the user scrolled up. */
    ReadOnlyIntegerProperty newBelowProperty() {
        return newBelow;
    }

    /** Shows the latest message and follows new ones again. */
    void scrollToLatest() {
        following.set(true);
        newBelow.set(0);
        // later, so the list's skin has seen the change that asked for it (its listener runs after ours)
        Platform.runLater(this::bringLatestIntoView);
    }

    private void bringLatestIntoView() {
        int last = list.getItems().size() - 1;
        if (!following.get() || last < 0) {
            return;
        }
        // ListView.scrollTo brings the skin's row count up to date; a layout measures the new rows; the flow's own
        // scrollTo then brings the last row wholly into view (ListView.scrollTo puts a row at the top, and the flow's
        // position alone drifts as row heights get known)
        list.scrollTo(last);
        list.layout();
        flow().ifPresent(flow -> flow.scrollTo(last));
    }

    /** Shows row {@code index} a little below the top, e.g. a message a quote or a search hit points at. */
    void scrollToRow(int index) {
        following.set(false);
        Platform.runLater(() -> {
            list.scrollTo(Math.max(0, index - 2));
            afterUserScroll();
        });
    }

    /** Shows the first row, e.g. after "load since" replaced the conversation. */
    void scrollToFirst() {
        newBelow.set(0);
        if (!list.getItems().isEmpty()) {
            list.scrollTo(0);
        }
        following.set(list.getItems().isEmpty());
        Platform.runLater(this::afterUserScroll);
    }

    private void onChange(ListChangeListener.Change<? extends ChatLine> change) {
        boolean toLatest = false;
        while (change.next()) {
            if (!change.wasAdded() || change.wasReplaced()) {
                continue;
            }
            int size = change.getList().size();
            if (change.getFrom() == 0 && change.getAddedSize() < size) {
                if (following.get()) {
                    toLatest = true;
                } else {
                    // an older page above: the row the user was reading stays where it was
                    int reading = change.getAddedSize();
                    Platform.runLater(() -> list.scrollTo(reading));
                }
            } else if (change.getTo() == size) {
                boolean own = change.getAddedSubList().stream().anyMatch(ChatLine::own);
                if (following.get() || own) {
                    toLatest = true;
                } else {
                    newBelow.set(newBelow.get()
                            + (int) change.getAddedSubList().stream()
                                    .filter(l -> !l.own())
                                    .count());
                }
            }
        }
        if (toLatest) {
            scrollToLatest();
        }
    }

    /** After the user scrolled, follow again only if the view reached the latest message. */
    private void afterUserScroll() {
        Platform.runLater(() -> {
            boolean atLatest = atLatest();
            following.set(atLatest);
            if (atLatest) {
                newBelow.set(0);
            }
        });
    }

    private boolean atLatest() {
        int size = list.getItems().size();
        VirtualFlow<?> flow = flow().orElse(null);
        if (size == 0 || flow == null) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last == null) {
            return true;
        }
        boolean lastRowShown =
                last.getIndex() >= size - 1 && last.getBoundsInParent().getMaxY() <= flow.getHeight() + 2;
        return lastRowShown || flow.getPosition() >= 0.999;
    }

    private Optional<VirtualFlow<?>> flow() {
        return Optional.ofNullable((VirtualFlow<?>) list.lookup(".virtual-flow"));
    }
}
