package org.groupchat.desktop.chat;

import java.time.format.DateTimeParseException;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.fx.Clipboards;
import org.groupchat.desktop.fx.LockIcon;
import org.groupchat.desktop.session.ConnectionState;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolVersion;

/** Binds ChatTab.fxml to a {@link ChatTabViewModel}; keeps the list scrolled sensibly and handles keys. */
public final class ChatTabView {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private final ChatTabViewModel model;
    private ConversationScroller scroller;

    @FXML
    private Circle connectionDot;

    @FXML
    private Label connectionLabel;

    @FXML
    private Label securityLabel;

    @FXML
    private Label handshakeProblemLabel;

    @FXML
    private Label noticeLabel;

    @FXML
    private DatePicker sinceDate;

    @FXML
    private TextField sinceTime;

    @FXML
    private Button loadEarlierButton;

    @FXML
    private ListView<ChatLine> messageList;

    @FXML
    private Button jumpToLatestButton;

    @FXML
    private VBox nothingSincePane;

    @FXML
    private Label nothingSinceLabel;

    @FXML
    private ListView<Member> memberList;

    @FXML
    private SplitPane split;

    @FXML
    private VBox membersPane;

    @FXML
    private Label refusalLabel;

    @FXML
    private TextArea draftArea;

    @FXML
    private Button sendButton;

    @FXML
    private VBox searchPane;

    @FXML
    private TextField searchField;

    @FXML
    private Label searchStatus;

    @FXML
    private ListView<Message> searchResults;

    @FXML
    private Button closeSearchButton;

    @FXML
    private Button moreHitsButton;

    @FXML
    private HBox composerBar;

    @FXML
    private Label composerLabel;

    @FXML
    private Button cancelComposerButton;

    private SearchBar searchBar;
    private MentionCompletion mentions;

    public ChatTabView(ChatTabViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        connectionLabel.textProperty().bind(model.connectionProperty().map(ConnectionState::label));
        model.connectionProperty().subscribe(this::showConnection);
        showSecurity();
        handshakeProblemLabel.textProperty().bind(model.handshakeProblemProperty());
        handshakeProblemLabel
                .visibleProperty()
                .bind(model.handshakeProblemProperty().isNotEmpty());
        handshakeProblemLabel.managedProperty().bind(handshakeProblemLabel.visibleProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        noticeLabel.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        sinceDate.valueProperty().bindBidirectional(model.history().sinceDateProperty());
        sinceTime.textProperty().bindBidirectional(model.history().sinceTimeProperty());
        sinceTime.setOnAction(event -> loadSince());
        loadEarlierButton.visibleProperty().bind(model.history().hasEarlierProperty());
        loadEarlierButton.managedProperty().bind(model.history().hasEarlierProperty());
        loadEarlierButton.disableProperty().bind(model.history().loadingEarlierProperty());

        messageList.setItems(model.lines());
        TextSelection selection = new TextSelection();
        messageList.setCellFactory(list -> new MessageCell(model, Emojis.bundled(), selection));
        model.newFromProperty().addListener((obs, was, now) -> messageList.refresh());
        model.members().addListener((ListChangeListener<Member>) change -> messageList.refresh());
        model.history().revealedProperty().addListener((obs, was, now) -> reveal(now));
        // a press anywhere starts afresh; a press on a message's text then starts the new selection there
        messageList.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> selection.clear());
        messageList.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                Clipboards.copy(selection.selectedText());
                event.consume();
            }
        });
        messageList.setPlaceholder(new Label("No messages yet. Say hello!"));
        ConversationScroller scroller = new ConversationScroller(messageList);
        this.scroller = scroller;
        model.followingProperty().bind(scroller.followingProperty());
        jumpToLatestButton
                .textProperty()
                .bind(scroller.newBelowProperty()
                        .map(n -> n.intValue() == 1 ? "1 new message ↓" : n + " new messages ↓"));
        jumpToLatestButton.visibleProperty().bind(scroller.newBelowProperty().greaterThan(0));
        model.history().sinceShownProperty().addListener((obs, was, now) -> scroller.scrollToFirst());
        model.history().latestShownProperty().addListener((obs, was, now) -> scroller.scrollToLatest());
        nothingSinceLabel.textProperty().bind(model.history().nothingSinceProperty());
        nothingSincePane
                .visibleProperty()
                .bind(model.history().nothingSinceProperty().isNotEmpty());
        sinceDate.setDayCellFactory(picker -> new PastDayCell(model.zone()));
        new MembersPaneFolding(split, membersPane).install();
        memberList.setItems(model.members());
        memberList.setCellFactory(list -> new MemberCell(model.me().id()));

        refusalLabel.textProperty().bind(model.refusalProperty());
        refusalLabel.visibleProperty().bind(model.refusalProperty().isNotEmpty());
        refusalLabel.managedProperty().bind(refusalLabel.visibleProperty());
        draftArea.textProperty().bindBidirectional(model.draftProperty());
        draftArea.addEventFilter(KeyEvent.KEY_PRESSED, this::onDraftKey);
        mentions = new MentionCompletion(draftArea, model.composer());
        searchBar = new SearchBar(
                model, searchPane, searchField, searchStatus, searchResults, closeSearchButton, moreHitsButton);
        showComposerMode();
        messageList.skinProperty().addListener((obs, was, skin) -> watchScrollTop());
    }

    @FXML
    private void send() {
        model.send();
        draftArea.requestFocus();
    }

    @FXML
    private void loadSince() {
        String typed = sinceDate.getEditor().getText();
        try {
            sinceDate.setValue(sinceDate.getConverter().fromString(typed));
        } catch (DateTimeParseException e) {
            model.noticeProperty().set("\"" + typed + "\" is not a date; pick one from the calendar.");
            return;
        }
        model.history().loadSince();
    }

    @FXML
    private void jumpToLatest() {
        scroller.scrollToLatest();
        draftArea.requestFocus();
    }

    @FXML
    private void backToLatest() {
        model.history().backToLatest();
    }

    @FXML
    private void loadEarlier() {
        model.history().loadEarlier();
    }

    @FXML
    private void closeSearch() {
        model.search().close();
        draftArea.requestFocus();
    }

    @FXML
    private void moreHits() {
        model.search().loadMore();
    }

    @FXML
    private void cancelComposer() {
        model.composer().cancel();
        draftArea.requestFocus();
    }

    /** Ctrl+F: the search bar opens with its field focused. */
    public void openSearch() {
        searchBar.open();
        if (!model.features().contains(ProtocolVersion.SEARCH)) {
            model.search().unavailable();
        }
    }

    /** Scrolls to the revealed message and lights it up for a moment. */
    private void reveal(HistoryNavigation.Reveal reveal) {
        if (reveal == null) {
            return;
        }
        ChatLine line = model.conversationLine(reveal.seq());
        int index = line == null ? -1 : messageList.getItems().indexOf(line);
        if (index < 0) {
            return;
        }
        scroller.scrollToRow(index);
        messageList.refresh();
        PauseTransition fade = new PauseTransition(Duration.seconds(2));
        fade.setOnFinished(event -> {
            if (model.history().revealedProperty().get() == reveal) {
                model.history().revealedProperty().set(null);
                messageList.refresh();
            }
        });
        fade.play();
    }

    /** "Replying to …" or "Editing your message" above the send box, while either lasts. */
    private void showComposerMode() {
        Composer composer = model.composer();
        cancelComposerButton.setGraphic(
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CLOSE));
        cancelComposerButton.setAccessibleText("Cancel");
        BooleanBinding active = composer.replyingToProperty()
                .isNotNull()
                .or(composer.editingProperty().isNotNull());
        composerBar.visibleProperty().bind(active);
        composerBar.managedProperty().bind(active);
        composerLabel
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ChatLine editing = composer.editingProperty().get();
                            ChatLine replying = composer.replyingToProperty().get();
                            if (editing != null) {
                                return "Editing your message · Esc cancels";
                            }
                            return replying == null
                                    ? ""
                                    : "Replying to "
                                            + (replying.own()
                                                    ? "yourself"
                                                    : DisplayNames.shown(
                                                            replying.sender().name()))
                                            + ": " + firstLine(replying.text());
                        },
                        composer.replyingToProperty(),
                        composer.editingProperty()));
        composer.replyingToProperty().addListener((obs, was, now) -> {
            if (now != null) {
                focusDraft();
            }
        });
        composer.editingProperty().addListener((obs, was, now) -> {
            if (now != null) {
                focusDraft();
            }
        });
    }

    private static String firstLine(String text) {
        String plain = Markdown.plain(text);
        int end = plain.indexOf('\n');
        String first = end < 0 ? plain : plain.substring(0, end);
        return first.length() > 80 ? first.substring(0, 80) + "…" : first;
    }

    /** Moves keyboard focus to the send box, e.g. when the tab is selected. */
    public void focusDraft() {
        draftArea.requestFocus();
        draftArea.end();
    }

    private void onDraftKey(KeyEvent event) {
        if (mentions.handle(event)) {
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.UP
                && !event.isShiftDown()
                && model.composer().editLast()) {
            event.consume();
            draftArea.end();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && model.composer().cancel()) {
            event.consume();
            return;
        }
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown()) {
            draftArea.insertText(draftArea.getCaretPosition(), "\n");
        } else {
            model.send();
        }
    }

    private void showSecurity() {
        LockIcon lock = new LockIcon();
        securityLabel.setGraphic(lock);
        Tooltip tip = new Tooltip();
        securityLabel.setTooltip(tip);
        model.serverFingerprintProperty().subscribe(fingerprint -> {
            boolean secure = !fingerprint.isEmpty();
            lock.setClosed(secure);
            securityLabel.setText(secure ? "secure · " + fingerprint : "not encrypted");
            tip.setText(
                    secure
                            ? "Encrypted (CURVE): only a server holding the key with fingerprint " + fingerprint
                                    + " can answer."
                            : "This group runs without security: others on the network can read it.");
        });
    }

    private void showConnection(ConnectionState state) {
        connectionDot.getStyleClass().setAll("connection-dot", state.name().toLowerCase());
    }

    private void watchScrollTop() {
        // only a scroll the user makes asks for earlier pages; a list that shrank (load since) must not
        messageList.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                Platform.runLater(this::loadEarlierIfAtTop);
            }
        });
        for (var node : messageList.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, was, now) -> {
                    Node thumb = bar.lookup(".thumb");
                    boolean dragged = bar.isPressed() || (thumb != null && thumb.isPressed());
                    if (dragged && now.doubleValue() <= bar.getMin()) {
                        model.history().loadEarlier();
                    }
                });
            }
        }
    }

    private void loadEarlierIfAtTop() {
        VirtualFlow<?> flow = (VirtualFlow<?>) messageList.lookup(".virtual-flow");
        if (flow != null
                && flow.getFirstVisibleCell() != null
                && flow.getFirstVisibleCell().getIndex() == 0) {
            model.history().loadEarlier();
        }
    }
}
