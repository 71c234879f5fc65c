package org.groupchat.desktop.chat;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.Message;

/**
 * What of a tab is unread, how many messages mention us, and where the "new messages" line sits. With a server that
 * keeps read markers (feature "read-markers") the marker is the server's, so every copy of the app with the same
 * identity counts alike and a restart keeps it; with an older server the count lives in this tab only.
 */
final class ReadState {
    private final Conversation conversation;
    private final Supplier<GroupConnection> session;
    private final String meId;
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final IntegerProperty mentions = new SimpleIntegerProperty();
    private final LongProperty newFrom = new SimpleLongProperty();
    private long readSeq = -1;
    private long asked = -1;

    ReadState(Conversation conversation, Supplier<GroupConnection> session, String meId) {
        this.conversation = conversation;
        this.session = session;
        this.meId = meId;
    }

    boolean serverKeepsMarkers() {
        return readSeq >= 0;
    }

    /** JOIN's marker: the "new messages" line goes above the first message after it. */
    void joined(Long serverReadSeq, boolean inView) {
        if (serverReadSeq == null) {
            return;
        }
        boolean first = readSeq < 0;
        readSeq = Math.max(readSeq, serverReadSeq);
        if (first) {
            newFrom.set(readSeq + 1);
        }
        recount(inView);
    }

    /** The server's marker moved, perhaps read in another copy of the app. */
    void readUpTo(long seq, boolean inView) {
        if (seq > readSeq && readSeq >= 0) {
            readSeq = seq;
        } else if (readSeq < 0) {
            readSeq = seq;
        }
        recount(inView);
    }

    /** New rows arrived; returns those that count as unread (from others, while not in view). */
    List<Message> arrived(List<Message> fresh, boolean inView) {
        List<Message> unseen =
                fresh.stream().filter(m -> !m.sender().id().equals(meId)).toList();
        if (serverKeepsMarkers()) {
            recount(inView);
            return inView
                    ? List.of()
                    : unseen.stream().filter(m -> m.seq() > readSeq).toList();
        }
        if (inView) {
            return List.of();
        }
        unread.set(unread.get() + unseen.size());
        mentions.set(mentions.get()
                + (int) unseen.stream()
                        .filter(m -> m.mentions() != null && m.mentions().contains(meId))
                        .count());
        return unseen;
    }

    /** The tab is in view and at the latest: everything shown is read, here and on the server. */
    void seen() {
        if (!serverKeepsMarkers()) {
            unread.set(0);
            mentions.set(0);
            return;
        }
        long latest = conversation.lastStoredSeq();
        if (latest > readSeq && latest > asked) {
            asked = latest;
            readSeq = latest;
            session.get().markRead(latest);
        }
        recount(true);
    }

    /** The tab left the view: what arrives from now on comes below the "new messages" line. */
    void leftView() {
        if (unread.get() == 0) {
            newFrom.set(conversation.lastStoredSeq() + 1);
        }
    }

    private void recount(boolean inView) {
        if (!serverKeepsMarkers()) {
            return;
        }
        if (inView && conversation.lastStoredSeq() > readSeq) {
            seen();
            return;
        }
        int count = 0;
        int mentioning = 0;
        for (ChatLine line : conversation.lines()) {
            if (line.seq() > readSeq
                    && !line.own()
                    && !line.gone()
                    && !line.folded().notice()) {
                count++;
                mentioning += line.mentions(meId) ? 1 : 0;
            }
        }
        unread.set(count);
        mentions.set(mentioning);
    }

    IntegerProperty unreadProperty() {
        return unread;
    }

    IntegerProperty mentionsProperty() {
        return mentions;
    }

    /** The seq the "new messages" line stands above; 0 for none. */
    LongProperty newFromProperty() {
        return newFrom;
    }
}
