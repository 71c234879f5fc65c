package org.groupchat.desktop.chat;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.emoji.TextRun;
import org.groupchat.desktop.fx.Links;

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
        show(lineId, text, List.of());
    }

    /**
     * Shows {@code source} formatted (see {@link Markdown}); the words in {@code marked} (mentions, search terms,
     * compared without case) stand out.
     */
    void show(String lineId, String source, List<String> marked) {
        this.lineId = lineId;
        List<Markdown.Span> spans = Markdown.spans(source);
        StringBuilder shown = new StringBuilder();
        spans.forEach(span -> shown.append(span.text()));
        this.text = shown.toString();
        List<TextRun> all = emojis.index().split(text);
        boolean jumbo = all.stream().filter(TextRun::isEmoji).count() <= JUMBO_MAX
                && all.stream().allMatch(run -> run.isEmoji() || run.text().isBlank());
        double emojiSize = jumbo ? JUMBO_EMOJI : EMOJI_SIZE;
        textOffset = new int[text.length() + 1];
        int flowIndex = 0;
        int textIndex = 0;
        flow.getChildren().clear();
        for (Markdown.Span span : spans) {
            for (TextRun run : emojis.index().split(span.text())) {
                if (run.isEmoji()) {
                    var view = emojis.glyph(run.emoji(), emojiSize);
                    view.setAccessibleText(run.text());
                    flow.getChildren().add(view);
                    textOffset[flowIndex++] = textIndex;
                } else {
                    for (MarkedText piece : MarkedText.split(run.text(), marked)) {
                        flow.getChildren().add(textNode(piece, span));
                    }
                    for (int i = 0; i < run.text().length(); i++) {
                        textOffset[flowIndex++] = textIndex + i;
                    }
                }
                textIndex += run.text().length();
            }
        }
        textOffset[flowIndex] = textIndex;
        textOffset = Arrays.copyOf(textOffset, flowIndex + 1);
        showSelection();
    }

    private Text textNode(MarkedText piece, Markdown.Span span) {
        Text node = new Text(piece.text());
        node.getStyleClass().add("message-text");
        span.styles()
                .forEach(style -> node.getStyleClass()
                        .add("md-" + style.name().toLowerCase().replace('_', '-')));
        if (piece.marked()) {
            node.getStyleClass().add("marked");
        }
        if (span.link() != null) {
            node.setCursor(Cursor.HAND);
            Tooltip.install(node, new Tooltip(span.link()));
            node.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.isStillSincePress()) {
                    Links.open(span.link());
                }
            });
        }
        return node;
    }

    String text() {
        return text;
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
