package org.groupchat.desktop.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Message;

/**
 * The rows of one tab: stored messages in {@code seq} order, each id at most once, then our unsent messages. Events
 * of the log about a message (edits, deletions, reactions, removals) are folded into its row rather than shown;
 * a shared file is a row like a message; a moderator's act, or a kind this app does not know, is a notice row. Plain logic over an observable list; used on
 * the UI thread only.
 */
public final class Conversation {
    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
    private final Map<String, ChatLine> byId = new HashMap<>();
    private final Map<Long, Message> rowsBySeq = new HashMap<>();
    private final Map<Long, TreeMap<Long, Message>> eventsByTarget = new HashMap<>();
    private final Set<String> eventIds = new HashSet<>();
    private final QuotedOriginals quotes = new QuotedOriginals(this::lineAt);
    private final String ownUserId;
    private long highestSeq;

    public Conversation(String ownUserId) {
        this.ownUserId = ownUserId;
    }

    /** Told of each message a reply quotes that is not loaded, once, so it can be fetched ({@link #addQuoted}). */
    public void onQuoteMissing(LongConsumer handler) {
        quotes.onMissing(handler);
    }

    /** Messages fetched alone for the quotes of replies to them; they are not rows. */
    public void addQuoted(List<Message> originals) {
        for (Message original : originals) {
            quotes.addFetched(original);
            refreshQuotesOf(original.seq());
        }
    }

    public ObservableList<ChatLine> lines() {
        return lines;
    }

    /** Adds or confirms stored entries of the log; returns the messages and notices not seen before. */
    public List<Message> addStored(List<Message> messages) {
        List<Message> rows = new ArrayList<>();
        Set<Long> touched = new HashSet<>();
        for (Message message : messages) {
            highestSeq = Math.max(highestSeq, message.seq());
            if (isAboutAnother(message)) {
                if (eventIds.add(message.id())) {
                    eventsByTarget
                            .computeIfAbsent(message.target(), t -> new TreeMap<>())
                            .put(message.seq(), message);
                    touched.add(message.target());
                }
            } else {
                rows.add(message);
            }
        }
        List<Message> fresh = addRows(rows);
        fresh.forEach(m -> touched.remove(m.seq()));
        touched.forEach(this::refold);
        quotes.askForMissing();
        return fresh;
    }

    private List<Message> addRows(List<Message> rows) {
        if (isNewRun(rows)) {
            List<ChatLine> run = rows.stream().map(this::row).toList();
            run.forEach(line -> byId.put(line.id(), line));
            rows.forEach(m -> rowsBySeq.put(m.seq(), m));
            // one change for a whole page keeps the list from re-laying itself out per message
            lines.addAll(insertionPoint(run.get(0).seq()), run);
            rows.forEach(m -> refreshQuotesOf(m.seq()));
            return rows;
        }
        return rows.stream().filter(this::addRow).toList();
    }

    /** Adds or confirms one stored entry; false if it was already stored here. */
    public boolean addStored(Message message) {
        return !addStored(List.of(message)).isEmpty();
    }

    private boolean addRow(Message message) {
        ChatLine known = byId.get(message.id());
        if (known != null && known.isStored()) {
            return false;
        }
        if (known != null) {
            lines.remove(known);
        }
        ChatLine line = row(message);
        byId.put(line.id(), line);
        rowsBySeq.put(message.seq(), message);
        lines.add(insertionPoint(line.seq()), line);
        refreshQuotesOf(message.seq());
        return known == null;
    }

    /** True for the kinds folded into an earlier message's row; a hostile target of 0 or less is shown instead. */
    private static boolean isAboutAnother(Message message) {
        return message.eventKind().hasTarget() && message.target() != null && message.target() > 0;
    }

    /** True for messages all unknown, in seq order, and fitting between two neighbours: the usual page. */
    private boolean isNewRun(List<Message> messages) {
        if (messages.isEmpty()) {
            return false;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (byId.containsKey(messages.get(i).id())
                    || i > 0 && messages.get(i).seq() <= messages.get(i - 1).seq()) {
                return false;
            }
        }
        int at = insertionPoint(messages.get(0).seq());
        return at == insertionPoint(messages.get(messages.size() - 1).seq());
    }

    private ChatLine row(Message message) {
        boolean own = message.sender().id().equals(ownUserId);
        EventKind kind = message.eventKind();
        boolean sharesFile = ChatLine.sharedFile(message) != null;
        if (kind != EventKind.MESSAGE && !sharesFile) {
            ChatLine plain = ChatLine.stored(message, own);
            return plain.with(message.text(), new ChatLine.Folded(false, null, null, List.of(), List.of(), true));
        }
        return EventFolding.fold(message, own, eventsByTarget.get(message.seq()), quotes.quoteOf(message.replyTo()));
    }

    /** Folds the events about {@code seq} into its row again, and into the quotes of replies to it. */
    private void refold(long seq) {
        Message base = rowsBySeq.get(seq);
        ChatLine old = base == null ? null : byId.get(base.id());
        if (old == null || old.folded().notice()) {
            return;
        }
        ChatLine updated = EventFolding.fold(base, old.own(), eventsByTarget.get(seq), quotes.quoteOf(base.replyTo()));
        set(old, updated);
        refreshQuotesOf(seq);
    }

    private void refreshQuotesOf(long seq) {
        for (int i = 0; i < lines.size(); i++) {
            ChatLine line = lines.get(i);
            ChatLine.Quote quote = line.folded().quote();
            if (quote != null && quote.seq() == seq) {
                ChatLine.Quote fresh = quotes.quoteOf(seq);
                if (!fresh.equals(quote)) {
                    ChatLine.Folded f = line.folded();
                    set(
                            line,
                            line.with(
                                    line.text(),
                                    new ChatLine.Folded(
                                            f.edited(), f.gone(), fresh, f.reactions(), f.mentions(), f.notice())));
                }
            }
        }
    }

    private void set(ChatLine old, ChatLine updated) {
        int index = lines.indexOf(old);
        byId.put(updated.id(), updated);
        if (index >= 0) {
            lines.set(index, updated);
        }
    }

    /** The row of the stored message {@code seq}, or null when it is not loaded (or not a message). */
    public ChatLine lineAt(long seq) {
        Message base = rowsBySeq.get(seq);
        return base == null ? null : byId.get(base.id());
    }

    /** Shows our message at once; {@code replyTo} (may be null) is quoted as soon as it is known. */
    public void addPending(ChatLine line) {
        byId.put(line.id(), line);
        ChatLine.Quote quote = line.folded().quote();
        ChatLine shown = quote == null
                ? line
                : line.with(
                        line.text(),
                        new ChatLine.Folded(
                                false,
                                null,
                                quotes.quoteOf(quote.seq()),
                                List.of(),
                                line.folded().mentions(),
                                false));
        byId.put(line.id(), shown);
        lines.add(shown);
        quotes.askForMissing();
    }

    /** Takes back one of our rows that is not stored (an upload the user cancelled). */
    public void removePending(String id) {
        ChatLine line = byId.get(id);
        if (line != null && !line.isStored()) {
            byId.remove(id);
            lines.remove(line);
        }
    }

    /** Replaces every stored row with {@code messages}; our unsent messages stay. */
    public void replaceStored(List<Message> messages) {
        List<ChatLine> unsent = lines.stream().filter(l -> !l.isStored()).toList();
        lines.clear();
        byId.clear();
        rowsBySeq.clear();
        eventsByTarget.clear();
        eventIds.clear();
        quotes.forgetFetched();
        highestSeq = 0;
        unsent.forEach(l -> byId.put(l.id(), l));
        lines.addAll(unsent);
        addStored(messages);
    }

    public void markFailed(String id, String reason) {
        replace(id, byId.get(id) == null ? null : byId.get(id).failed(reason));
    }

    /** Marks a failed message pending again and returns it, or null if it is not failed. */
    public ChatLine retry(String id) {
        ChatLine line = byId.get(id);
        if (line == null || line.state() != SendState.FAILED) {
            return null;
        }
        ChatLine again = line.retrying();
        replace(id, again);
        return again;
    }

    /** Our newest stored message that is still there, for Up-arrow editing; null when there is none. */
    public ChatLine lastOwnMessage() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            ChatLine line = lines.get(i);
            if (line.own() && line.isStored() && !line.gone() && !line.folded().notice() && line.file() == null) {
                return line;
            }
        }
        return null;
    }

    /** The highest seq of the log seen here (a message's or an event's), or 0 when none. */
    public long lastStoredSeq() {
        return highestSeq;
    }

    /** The lowest stored seq, or 0 when nothing is stored. */
    public long firstSeq() {
        return lines.stream()
                .filter(ChatLine::isStored)
                .mapToLong(ChatLine::seq)
                .findFirst()
                .orElse(0);
    }

    public int size() {
        return lines.size();
    }

    private void replace(String id, ChatLine updated) {
        ChatLine old = byId.get(id);
        if (old == null || updated == null || old.isStored()) {
            return;
        }
        int index = lines.indexOf(old);
        byId.put(id, updated);
        lines.set(index, updated);
    }

    private int insertionPoint(long seq) {
        int index = lines.size();
        while (index > 0
                && (!lines.get(index - 1).isStored() || lines.get(index - 1).seq() > seq)) {
            index--;
        }
        return index;
    }
}
