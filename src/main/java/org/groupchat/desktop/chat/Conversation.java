package org.groupchat.desktop.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.groupchat.protocol.Message;

/**
 * The rows of one tab: stored messages in {@code seq} order, each id at most once, then our unsent messages.
 * Plain logic over an observable list; used on the UI thread only.
 */
public final class Conversation {
    private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
    private final Map<String, ChatLine> byId = new HashMap<>();
    private final String ownUserId;

    public Conversation(String ownUserId) {
        this.ownUserId = ownUserId;
    }

    public ObservableList<ChatLine> lines() {
        return lines;
    }

    /** Adds or confirms stored messages; returns those not seen before. */
    public List<Message> addStored(List<Message> messages) {
        if (isNewRun(messages)) {
            List<ChatLine> run = messages.stream()
                    .map(m -> ChatLine.stored(m, m.sender().id().equals(ownUserId))).toList();
            run.forEach(line -> byId.put(line.id(), line));
            // one change for a whole page keeps the list from re-laying itself out per message
            lines.addAll(insertionPoint(run.get(0).seq()), run);
            return messages;
        }
        return messages.stream().filter(this::addStored).toList();
    }

    /** True for messages all unknown, in seq order, and fitting between two neighbours: the usual page. */
    private boolean isNewRun(List<Message> messages) {
        if (messages.isEmpty()) {
            return false;
        }
        for (int i = 0; i < messages.size(); i++) {
            if (byId.containsKey(messages.get(i).id()) || i > 0 && messages.get(i).seq() <= messages.get(i - 1).seq()) {
                return false;
            }
        }
        int at = insertionPoint(messages.get(0).seq());
        return at == insertionPoint(messages.get(messages.size() - 1).seq());
    }

    /** Adds or confirms one stored message; false if it was already stored here. */
    public boolean addStored(Message message) {
        ChatLine known = byId.get(message.id());
        if (known != null && known.isStored()) {
            return false;
        }
        if (known != null) {
            lines.remove(known);
        }
        ChatLine line = ChatLine.stored(message, message.sender().id().equals(ownUserId));
        byId.put(line.id(), line);
        lines.add(insertionPoint(line.seq()), line);
        return known == null;
    }

    public void addPending(ChatLine line) {
        byId.put(line.id(), line);
        lines.add(line);
    }

    /** Replaces every stored row with {@code messages}; our unsent messages stay. */
    public void replaceStored(List<Message> messages) {
        List<ChatLine> unsent = lines.stream().filter(l -> !l.isStored()).toList();
        lines.clear();
        byId.clear();
        unsent.forEach(l -> byId.put(l.id(), l));
        lines.addAll(unsent);
        messages.forEach(this::addStored);
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

    /** The lowest stored seq, or 0 when nothing is stored. */
    public long firstSeq() {
        return lines.stream().filter(ChatLine::isStored).mapToLong(ChatLine::seq).findFirst().orElse(0);
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
        while (index > 0 && (!lines.get(index - 1).isStored() || lines.get(index - 1).seq() > seq)) {
            index--;
        }
        return index;
    }
}
