package org.groupchat.desktop.chat;

import java.util.function.LongConsumer;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** The quote above a reply: who wrote the message it answers and its first line; a click shows that message. */
final class QuoteBox extends VBox {
    private final Label author = new Label();
    private final Label firstLine = new Label();
    private long seq;

    QuoteBox(LongConsumer reveal) {
        super(1);
        getStyleClass().add("quote");
        author.getStyleClass().add("quote-author");
        firstLine.getStyleClass().add("quote-text");
        firstLine.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(author, firstLine);
        setCursor(Cursor.HAND);
        Tooltip.install(this, new Tooltip("Show the message this answers"));
        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                reveal.accept(seq);
                event.consume();
            }
        });
    }

    void show(ChatLine.Quote quote) {
        setVisible(quote != null);
        setManaged(quote != null);
        if (quote == null) {
            return;
        }
        seq = quote.seq();
        if (quote.author() == null) {
            author.setText("Reply to an earlier message");
            firstLine.setText("Click to load it");
        } else {
            author.setText(DisplayNames.shown(quote.author()));
            firstLine.setText(quote.gone() ? "Message deleted" : Markdown.plain(quote.firstLine()));
        }
    }
}
