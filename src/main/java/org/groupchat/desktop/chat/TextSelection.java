package org.groupchat.desktop.chat;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The one text selection of a conversation: part of one message, kept by message id so recycled cells redraw it. */
final class TextSelection {
    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of message {@code lineId}'s text. */
    record Range(String lineId, String text, int start, int end) {
        Range {
            if (start > end) {
                int swap = start;
                start = end;
                end = swap;
            }
        }

        String selected() {
            return text.substring(start, end);
        }

        boolean isEmpty() {
            return start == end;
        }
    }

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>();

    ObjectProperty<Range> rangeProperty() {
        return range;
    }

    void select(String lineId, String text, int start, int end) {
        range.set(new Range(lineId, text, start, end));
    }

    void clear() {
        range.set(null);
    }

    /** The selected characters, or empty when nothing is selected. */
    String selectedText() {
        Range current = range.get();
        return current == null ? "" : current.selected();
    }

    Range in(String lineId) {
        Range current = range.get();
        return current != null && current.lineId().equals(lineId) ? current : null;
    }
}
