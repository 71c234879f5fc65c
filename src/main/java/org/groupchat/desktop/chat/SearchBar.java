package org.groupchat.desktop.chat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.protocol.Message;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Binds a tab's search pane to its {@link SearchModel}: typing searches after a pause, a click on a hit shows it. */
final class SearchBar {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private final SearchModel search;
    private final VBox pane;
    private final TextField field;

    SearchBar(
            ChatTabViewModel model,
            VBox pane,
            TextField field,
            Label status,
            ListView<Message> results,
            Button close,
            Button more) {
        this.search = model.search();
        this.pane = pane;
        this.field = field;
        pane.visibleProperty().bind(search.openProperty());
        pane.managedProperty().bind(search.openProperty());
        field.textProperty().bindBidirectional(search.queryProperty());
        status.textProperty().bind(search.statusProperty());
        close.setGraphic(new FontIcon(MaterialDesignC.CLOSE));
        close.setAccessibleText("Close search");
        more.visibleProperty().bind(search.moreProperty());
        more.managedProperty().bind(search.moreProperty());
        PauseTransition typing = new PauseTransition(Duration.millis(300));
        typing.setOnFinished(event -> search.run());
        field.textProperty().addListener((obs, was, now) -> typing.playFromStart());
        field.setOnAction(event -> {
            typing.stop();
            search.run();
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                search.close();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                event.consume();
            }
        });
        results.setItems(search.hits());
        results.setPlaceholder(new Label(""));
        results.setCellFactory(list -> new HitCell(model.zone(), search));
        results.setOnMouseClicked(event -> open(model, results));
        results.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                open(model, results);
            } else if (event.getCode() == KeyCode.ESCAPE) {
                search.close();
            }
        });
    }

    private static void open(ChatTabViewModel model, ListView<Message> results) {
        Message hit = results.getSelectionModel().getSelectedItem();
        if (hit != null) {
            model.reveal(hit.seq());
        }
    }

    void open() {
        search.openProperty().set(true);
        field.requestFocus();
        field.selectAll();
    }

    /** One hit: who and when, then the text with the searched words standing out. */
    private static final class HitCell extends ListCell<Message> {
        private final ZoneId zone;
        private final SearchModel search;
        private final Label who = new Label();
        private final MessageText text = new MessageText(Emojis.bundled(), new TextSelection());
        private final VBox box;

        HitCell(ZoneId zone, SearchModel search) {
            this.zone = zone;
            this.search = search;
            who.getStyleClass().add("hit-header");
            HBox header = new HBox(who);
            header.setAlignment(Pos.CENTER_LEFT);
            text.setMouseTransparent(true);
            box = new VBox(2, header, text);
            box.getStyleClass().add("search-hit");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Message hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            who.setText(DisplayNames.shown(hit.sender().name()) + " · "
                    + WHEN.format(Instant.ofEpochMilli(hit.ts()).atZone(zone)));
            text.show("hit-" + hit.seq(), hit.text(), search.terms());
            setGraphic(box);
        }
    }
}
