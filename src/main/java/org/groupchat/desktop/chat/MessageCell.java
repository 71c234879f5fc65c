package org.groupchat.desktop.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.fx.Clipboards;

/** Draws one message: a day separator when the day changes, sender and local time, wrapped text, send state. */
final class MessageCell extends ListCell<ChatLine> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final Label day = new Label();
    private final Label sender = new Label();
    private final Tooltip senderId = new Tooltip();
    private final Label time = new Label();
    private final MessageText text;
    private final Label state = new Label();
    private final Hyperlink retry = new Hyperlink("Retry");
    private final VBox bubble;
    private final HBox row;
    private final VBox root;
    private String lineId;
    private final MenuItem copySelection = new MenuItem("Copy");
    private final ContextMenu menu;
    private final TextSelection selection;

    MessageCell(ZoneId zone, Consumer<String> onRetry, Emojis emojis, TextSelection selection) {
        this.zone = zone;
        this.selection = selection;
        text = new MessageText(emojis, selection);
        day.getStyleClass().add("day-separator");
        day.setMaxWidth(Double.MAX_VALUE);
        day.setAlignment(Pos.CENTER);
        sender.getStyleClass().add("sender");
        sender.setTooltip(senderId);
        time.getStyleClass().add("time");
        state.getStyleClass().add("send-state");
        retry.setOnAction(event -> onRetry.accept(lineId));
        HBox header = new HBox(8, sender, time);
        header.setAlignment(Pos.BASELINE_LEFT);
        HBox status = new HBox(6, state, retry);
        status.setAlignment(Pos.CENTER_LEFT);
        bubble = new VBox(2, header, text, status);
        bubble.getStyleClass().add("bubble");
        row = new HBox(bubble);
        root = new VBox(4, day, row);
        setPrefWidth(0);
        copySelection.setOnAction(event -> Clipboards.copy(selection.selectedText()));
        MenuItem copyAll = new MenuItem("Copy message");
        copyAll.setOnAction(event -> Clipboards.copy(text.text()));
        menu = new ContextMenu(copySelection, copyAll);
        menu.setOnShowing(event -> {
            TextSelection.Range range = selection.in(lineId);
            copySelection.setDisable(range == null || range.isEmpty());
        });
        // text only wraps when its width is bounded: at most three quarters of the list
        bubble.maxWidthProperty().bind(listViewProperty().flatMap(list -> list.widthProperty())
                .orElse(400.0).map(w -> Math.max(200, w.doubleValue() * 0.75)));
    }

    @Override
    protected void updateItem(ChatLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            lineId = null;
            setContextMenu(null);
            setGraphic(null);
            return;
        }
        lineId = line.id();
        setContextMenu(menu);
        LocalDate date = Instant.ofEpochMilli(line.ts()).atZone(zone).toLocalDate();
        boolean newDay = getIndex() == 0 || !sameDay(getListView().getItems().get(getIndex() - 1), date);
        day.setText(dayText(date));
        day.setVisible(newDay);
        day.setManaged(newDay);
        sender.setText(line.own() ? "You" : DisplayNames.shown(line.sender().name()));
        senderId.setText("User id " + line.sender().id());
        time.setText(TIME.format(Instant.ofEpochMilli(line.ts()).atZone(zone)));
        text.show(line.id(), line.text());
        row.setAlignment(line.own() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        bubble.getStyleClass().setAll("bubble", line.own() ? "own" : "other");
        showState(line);
        setGraphic(root);
    }

    private void showState(ChatLine line) {
        boolean showState = line.own() && line.state() != SendState.SENT;
        state.setVisible(showState);
        state.setManaged(showState);
        boolean failed = line.state() == SendState.FAILED;
        retry.setVisible(failed);
        retry.setManaged(failed);
        state.getStyleClass().setAll("send-state", line.state().name().toLowerCase());
        state.setText(failed ? "Not sent: " + line.problem() : "Sending…");
    }

    private boolean sameDay(ChatLine previous, LocalDate date) {
        return Instant.ofEpochMilli(previous.ts()).atZone(zone).toLocalDate().equals(date);
    }

    private String dayText(LocalDate date) {
        LocalDate today = LocalDate.now(zone);
        if (date.equals(today)) {
            return "Today";
        }
        if (date.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DAY.format(date);
    }
}
