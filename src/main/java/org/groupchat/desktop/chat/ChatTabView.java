package org.groupchat.desktop.chat;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.FileChooser;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.fx.Clipboards;
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
    private Button attachButton;

    @FXML
    private BorderPane tabRoot;

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
    private SinceDates sinceDates;
    private String dateRefusal;

    public ChatTabView(ChatTabViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        ConnectionHeader.bind(model, connectionDot, connectionLabel, securityLabel, handshakeProblemLabel, noticeLabel);
        sinceDate.valueProperty().bindBidirectional(model.history().sinceDateProperty());
        sinceTime.textProperty().bindBidirectional(model.history().sinceTimeProperty());
        sinceTime.setOnAction(event -> loadSince());
        loadEarlierButton.visibleProperty().bind(model.history().hasEarlierProperty());
        loadEarlierButton.managedProperty().bind(model.history().hasEarlierProperty());
        loadEarlierButton.disableProperty().bind(model.history().loadingEarlierProperty());

        messageList.setItems(model.lines());
        TextSelection selection = new TextSelection();
        Thumbnails thumbnails = new Thumbnails();
        messageList.setCellFactory(list -> new MessageCell(model, Emojis.bundled(), selection, thumbnails));
        model.newFromProperty().addListener((obs, was, now) -> messageList.refresh());
        model.members().addListener((ListChangeListener<Member>) change -> messageList.refresh());
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
        RevealHighlight.install(model, messageList, scroller);
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
        sinceDates = new SinceDates(Locale.getDefault(Locale.Category.FORMAT), sinceDate::getValue, this::notADate);
        sinceDate.setConverter(sinceDates);
        sinceDate.setPromptText(sinceDates.prompt());
        sinceDate.valueProperty().addListener((obs, was, now) -> clearDateRefusal());
        new MembersPaneFolding(split, membersPane).install();
        memberList.setItems(model.members());
        memberList.setCellFactory(list -> new MemberCell(model.me().id()));

        refusalLabel.textProperty().bind(model.refusalProperty());
        refusalLabel.visibleProperty().bind(model.refusalProperty().isNotEmpty());
        refusalLabel.managedProperty().bind(refusalLabel.visibleProperty());
        draftArea.textProperty().bindBidirectional(model.draftProperty());
        DraftKeys.install(model, draftArea);
        searchBar = new SearchBar(
                model, searchPane, searchField, searchStatus, searchResults, closeSearchButton, moreHitsButton);
        ComposerModeBar.bind(model.composer(), composerBar, composerLabel, cancelComposerButton, this::focusDraft);
        EarlierPageTrigger.install(messageList, model.history());
        FileDropping.install(model, tabRoot, attachButton, draftArea, this::share);
    }

    @FXML
    private void attach() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Share files in " + model.groupName());
        List<File> chosen = chooser.showOpenMultipleDialog(tabRoot.getScene().getWindow());
        if (chosen != null && !chosen.isEmpty()) {
            share(chosen.stream().map(File::toPath).toList());
        }
    }

    /** Shows what would be shared, and shares it if the user agrees. */
    private void share(List<Path> files) {
        if (AttachPreview.confirm(tabRoot.getScene().getWindow(), model.groupName(), files)) {
            model.files().share(files);
        }
        draftArea.requestFocus();
    }

    @FXML
    private void send() {
        model.send();
        draftArea.requestFocus();
    }

    @FXML
    private void loadSince() {
        String typed = sinceDate.getEditor().getText();
        if (!sinceDates.understands(typed)) {
            notADate(typed);
            return;
        }
        sinceDate.setValue(sinceDates.fromString(typed));
        clearDateRefusal();
        model.history().loadSince();
    }

    private void notADate(String typed) {
        dateRefusal = "\"" + typed.strip() + "\" is not a date; type it as "
                + sinceDates.examples(LocalDate.now(model.zone())) + ", or pick one from the calendar.";
        model.noticeProperty().set(dateRefusal);
    }

    /** A refused date's notice goes once a date is chosen; any other notice stays. */
    private void clearDateRefusal() {
        if (dateRefusal != null && dateRefusal.equals(model.noticeProperty().get())) {
            model.noticeProperty().set("");
        }
        dateRefusal = null;
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

    /** Moves keyboard focus to the send box, e.g. when the tab is selected. */
    public void focusDraft() {
        draftArea.requestFocus();
        draftArea.end();
    }
}
