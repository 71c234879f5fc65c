package org.groupchat.desktop.chat;

import java.text.BreakIterator;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.emoji.TextRun;

/**
 * A message's text as a chat shows it: wrapped in any script (bidirectional text included), emoji drawn in colour, and
 * selectable with the mouse (drag, double-click a word, triple-click the message).
 */
final class MessageText extends StackPane {
    private static final double EMOJI_SIZE = 18;
    private static final double JUMBO_EMOJI = 32;
    private static final int JUMBO_MAX = 3;

    private final TextFlow flow = new TextFlow();
    private final Path highlight = new Path();
    private final Emojis emojis;
    private final TextSelection selection;
    private String lineId;
    private String text = "";
    // textOffset[i]: where in the message's text the flow's character i starts (an emoji image is one flow character)
    private int[] textOffset = {0};
    private int anchor;

    MessageText(Emojis emojis, TextSelection selection) {
        this.emojis = emojis;
        this.selection = selection;
        highlight.setManaged(false);
        highlight.getStyleClass().add("text-selection");
        flow.getStyleClass().add("message-text-flow");
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(highlight, flow);
        setCursor(Cursor.TEXT);
        selection.rangeProperty().addListener((obs, old, now) -> showSelection());
        flow.layoutBoundsProperty().addListener((obs, old, now) -> showSelection());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    }

    void show(String lineId, String text) {
        this.lineId = lineId;
        this.text = text;
        List<TextRun> runs = emojis.index().split(text);
        boolean jumbo = runs.stream().filter(TextRun::isEmoji).count() <= JUMBO_MAX
                && runs.stream().allMatch(run -> run.isEmoji() || run.text().isBlank());
        double emojiSize = jumbo ? JUMBO_EMOJI : EMOJI_SIZE;
        textOffset = new int[flowLength(runs) + 1];
        int flowIndex = 0;
        int textIndex = 0;
        flow.getChildren().clear();
        for (TextRun run : runs) {
            if (run.isEmoji()) {
                var view = emojis.glyph(run.emoji(), emojiSize);
                view.setAccessibleText(run.text());
                flow.getChildren().add(view);
                textOffset[flowIndex++] = textIndex;
            } else {
                Text plain = new Text(run.text());
                plain.getStyleClass().add("message-text");
                flow.getChildren().add(plain);
                for (int i = 0; i < run.text().length(); i++) {
                    textOffset[flowIndex++] = textIndex + i;
                }
            }
            textIndex += run.text().length();
        }
        textOffset[flowIndex] = textIndex;
        showSelection();
    }

    String text() {
        return text;
    }

    private static int flowLength(List<TextRun> runs) {
        return runs.stream().mapToInt(run -> run.isEmoji() ? 1 : run.text().length()).sum();
    }

    private void pressed(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY || lineId == null) {
            return;
        }
        int at = textIndexAt(event);
        // a drag after a double or triple click extends from the start of the word or the message
        switch (event.getClickCount()) {
            case 1 -> {
                anchor = at;
                selection.select(lineId, text, at, at);
            }
            case 2 -> anchor = selectWordAt(at);
            default -> {
                anchor = 0;
                selection.select(lineId, text, 0, text.length());
            }
        }
    }

    private void dragged(MouseEvent event) {
        if (event.isPrimaryButtonDown() && lineId != null) {
            selection.select(lineId, text, anchor, textIndexAt(event));
        }
    }

    /** Selects the word at {@code at}; returns where it starts. */
    private int selectWordAt(int at) {
        BreakIterator words = BreakIterator.getWordInstance();
        words.setText(text);
        int end = words.following(Math.min(at, Math.max(0, text.length() - 1)));
        int start = Math.max(0, words.previous());
        selection.select(lineId, text, start, end == BreakIterator.DONE ? text.length() : end);
        return start;
    }

    private int textIndexAt(MouseEvent event) {
        Point2D local = flow.sceneToLocal(event.getSceneX(), event.getSceneY());
        int flowIndex = flow.hitTest(local).getInsertionIndex();
        return textOffset[Math.max(0, Math.min(flowIndex, textOffset.length - 1))];
    }

    private void showSelection() {
        TextSelection.Range range = lineId == null ? null : selection.in(lineId);
        if (range == null || range.isEmpty() || !range.text().equals(text)) {
            highlight.getElements().clear();
            return;
        }
        highlight.getElements().setAll(flow.rangeShape(flowIndexOf(range.start()), flowIndexOf(range.end())));
        highlight.setLayoutX(flow.getLayoutX());
        highlight.setLayoutY(flow.getLayoutY());
    }

    private int flowIndexOf(int textIndex) {
        for (int i = 0; i < textOffset.length; i++) {
            if (textOffset[i] >= textIndex) {
                return i;
            }
        }
        return textOffset.length - 1;
    }
}
