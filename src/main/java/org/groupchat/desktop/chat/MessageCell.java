package org.groupchat.desktop.chat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.groupchat.desktop.emoji.Emojis;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * Draws one row: a day separator when the day changes, the "new messages" line, then either a notice or a message
 * bubble (sender, local time, "edited", the quote it answers, formatted text or a shared file, reactions, send
 * state).
 */
final class MessageCell extends ListCell<ChatLine> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final ChatTabViewModel model;
    private final ZoneId zone;
    private final Emojis emojis;
    private final Label day = new Label();
    private final Label newLine = new Label("New messages");
    private final Label notice = new Label();
    private final Label sender = new Label();
    private final Tooltip senderId = new Tooltip();
    private final Label time = new Label();
    private final Label edited = new Label("(edited)");
    private final QuoteBox quote;
    private final MessageText text;
    private final FileView fileView;
    private final DoubleProperty room = new SimpleDoubleProperty(400);
    private final Label gone = new Label();
    private final FlowPane reactions = new FlowPane(4, 4);
    private final Label state = new Label();
    private final Hyperlink retry = new Hyperlink("Retry");
    private final Hyperlink dismiss = new Hyperlink("Remove");
    private final Button actions = new Button();
    private final VBox bubble;
    private final HBox row;
    private final VBox root;
    private final MessageMenu menu;
    private ChatLine line;

    MessageCell(ChatTabViewModel model, Emojis emojis, TextSelection selection, Thumbnails thumbnails) {
        this.model = model;
        this.zone = model.zone();
        this.emojis = emojis;
        text = new MessageText(emojis, selection);
        fileView = new FileView(model, thumbnails, room);
        quote = new QuoteBox(model::reveal);
        day.getStyleClass().add("day-separator");
        day.setMaxWidth(Double.MAX_VALUE);
        day.setAlignment(Pos.CENTER);
        newLine.getStyleClass().add("new-messages-line");
        newLine.setMaxWidth(Double.MAX_VALUE);
        newLine.setAlignment(Pos.CENTER_RIGHT);
        notice.getStyleClass().add("event-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setAlignment(Pos.CENTER);
        sender.getStyleClass().add("sender");
        sender.setTooltip(senderId);
        time.getStyleClass().add("time");
        edited.getStyleClass().add("edited-mark");
        gone.getStyleClass().add("gone-text");
        reactions.getStyleClass().add("reactions");
        state.getStyleClass().add("send-state");
        retry.setOnAction(event -> model.retry(line.id()));
        dismiss.setOnAction(event -> model.files().dismiss(line.id()));
        state.setWrapText(true);
        state.setMinWidth(0);
        actions.getStyleClass().addAll("message-actions", "flat");
        actions.setGraphic(new FontIcon(MaterialDesignD.DOTS_HORIZONTAL));
        actions.setTooltip(new Tooltip("Reply, react, edit… (or right-click the message)"));
        actions.setFocusTraversable(false);
        // shown while the pointer is over the message, as in Slack or Element; the space is kept so nothing moves
        actions.visibleProperty().bind(hoverProperty());
        actions.setOnAction(event -> openMenu());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, sender, time, edited, gap, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(state, Priority.SOMETIMES);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        HBox status = new HBox(6, state, retry, dismiss);
        status.setAlignment(Pos.CENTER_LEFT);
        bubble = new VBox(3, header, quote, text, fileView, gone, reactions, status);
        bubble.getStyleClass().add("bubble");
        row = new HBox(bubble);
        root = new VBox(4, day, newLine, notice, row);
        setPrefWidth(0);
        menu = new MessageMenu(model, emojis, selection, () -> line, () -> text.text());
        // a filter runs before the control's own handler, which shows the context menu
        addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> menu.prepare());
        // text only wraps when its width is bounded: at most three quarters of the list
        room.bind(listViewProperty()
                .flatMap(list -> list.widthProperty())
                .orElse(400.0)
                .map(w -> Math.max(200, w.doubleValue() * 0.75)));
        bubble.maxWidthProperty().bind(room);
    }

    private void openMenu() {
        menu.prepare();
        menu.menu().show(actions, Side.BOTTOM, 0, 0);
    }

    @Override
    protected void updateItem(ChatLine item, boolean empty) {
        super.updateItem(item, empty);
        line = empty ? null : item;
        if (line == null) {
            setContextMenu(null);
            setGraphic(null);
            return;
        }
        LocalDate date = Instant.ofEpochMilli(line.ts()).atZone(zone).toLocalDate();
        ChatLine previous = getIndex() == 0 ? null : getListView().getItems().get(getIndex() - 1);
        show(day, previous == null || !sameDay(previous, date));
        day.setText(dayText(date));
        long newFrom = model.newFromProperty().get();
        show(
                newLine,
                newFrom > 0
                        && line.seq() >= newFrom
                        && previous != null
                        && previous.seq() > 0
                        && previous.seq() < newFrom
                        && !line.own());
        boolean isNotice = line.folded().notice();
        show(notice, isNotice);
        show(row, !isNotice);
        if (isNotice) {
            notice.setText(DisplayNames.shown(line.sender().name()) + " " + line.text());
            setContextMenu(null);
            setGraphic(root);
            return;
        }
        setContextMenu(menu.menu());
        showMessage(line);
        setGraphic(root);
    }

    private void showMessage(ChatLine line) {
        sender.setText(line.own() ? "You" : DisplayNames.shown(line.sender().name()));
        senderId.setText("User id " + line.sender().id());
        time.setText(TIME.format(Instant.ofEpochMilli(line.ts()).atZone(zone)));
        show(edited, line.folded().edited() && !line.gone());
        quote.show(line.folded().quote());
        boolean isFile = line.file() != null;
        show(text, !line.gone() && !isFile);
        show(fileView, !line.gone() && isFile);
        show(gone, line.gone());
        if (line.gone()) {
            gone.setText(
                    EventFolding.REMOVED.equals(line.folded().gone())
                            ? "Message removed by an owner"
                            : "Message deleted");
        } else if (isFile) {
            fileView.show(line);
        } else {
            text.show(line.id(), line.text(), model.mentionWords(line));
        }
        showReactions(line);
        row.setAlignment(line.own() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        boolean mentionsMe = !line.own() && line.mentions(model.me().id());
        bubble.getStyleClass().setAll("bubble", line.own() ? "own" : "other");
        if (mentionsMe) {
            bubble.getStyleClass().add("mentions-me");
        }
        HistoryNavigation.Reveal revealed = model.history().revealedProperty().get();
        if (revealed != null && revealed.seq() == line.seq()) {
            bubble.getStyleClass().add("revealed");
        }
        showState(line);
    }

    private void showReactions(ChatLine line) {
        List<ChatLine.Reaction> shown = line.folded().reactions();
        reactions
                .getChildren()
                .setAll(shown.stream()
                        .map(r -> new ReactionChip(
                                r,
                                emojis,
                                r.by(model.me().id()),
                                () -> model.actions()
                                        .toggleReaction(
                                                line, r.emoji(), model.me().id())))
                        .toList());
        show(reactions, !shown.isEmpty());
    }

    private void showState(ChatLine line) {
        boolean showState = line.own() && line.state() != SendState.SENT;
        show(state, showState);
        boolean failed = line.state() == SendState.FAILED;
        show(retry, failed);
        show(dismiss, failed && line.file() != null);
        state.getStyleClass().setAll("send-state", line.state().name().toLowerCase());
        state.setText(failed ? "Not sent: " + line.problem() : "Sending…");
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
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
