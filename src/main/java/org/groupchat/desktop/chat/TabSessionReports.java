package org.groupchat.desktop.chat;

import java.util.List;
import java.util.function.Consumer;
import org.groupchat.desktop.session.ConnectionState;
import org.groupchat.desktop.session.SessionListener;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;

/**
 * Routes one group session's reports into its tab: the conversation, the history, read state, search, the composer,
 * the roster and the tab's status. Used on the UI thread only.
 */
final class TabSessionReports implements SessionListener {
    private final ChatTabViewModel tab;
    private final Conversation conversation;
    private final ReadState readState;
    private final MemberRoster roster;
    private final MoveNotice move;
    private Consumer<ChatLine> onIncoming = line -> {};
    private Consumer<String> onRemoved = reason -> {};

    TabSessionReports(
            ChatTabViewModel tab,
            Conversation conversation,
            ReadState readState,
            MemberRoster roster,
            MoveNotice move) {
        this.tab = tab;
        this.conversation = conversation;
        this.readState = readState;
        this.roster = roster;
        this.move = move;
    }

    void setOnRemoved(Consumer<String> handler) {
        this.onRemoved = handler;
    }

    void setOnIncoming(Consumer<ChatLine> handler) {
        this.onIncoming = handler;
    }

    @Override
    public void newestPage(List<Message> messages, boolean earlier) {
        tab.history().newestPage(messages, earlier);
        readState.arrived(List.of(), tab.inView());
    }

    @Override
    public void arrived(List<Message> messages) {
        List<Message> fresh = conversation.addStored(messages);
        String me = tab.me().id();
        fresh.stream()
                .filter(m -> m.eventKind().removesMember() && me.equals(m.member()))
                .findFirst()
                .ifPresent(m -> onRemoved.accept(DisplayNames.shown(m.sender().name())
                        + (m.eventKind() == EventKind.BAN
                                ? " banned you from " + tab.groupName() + "."
                                : " removed you from " + tab.groupName() + "; you may join it again from the list.")));
        for (Message message : readState.arrived(fresh, tab.inView())) {
            ChatLine line = conversation.lineAt(message.seq());
            if (line != null && !line.folded().notice() && (!tab.mutedProperty().get() || line.mentions(me))) {
                onIncoming.accept(line);
            }
        }
    }

    @Override
    public void sent(Message message) {
        tab.composer().stored(message.id());
        tab.actions().stored(message.id());
        conversation.addStored(message);
        readState.arrived(List.of(), tab.inView());
    }

    @Override
    public void sendFailed(String messageId, String reason) {
        if (!tab.actions().failed(messageId, reason)) {
            conversation.markFailed(messageId, reason);
        }
    }

    @Override
    public void joined(boolean isOwner, Long readSeq) {
        tab.ownerProperty().set(isOwner);
        readState.joined(readSeq, tab.inView());
    }

    @Override
    public void featuresKnown(List<String> supported) {
        tab.features().clear();
        tab.features().addAll(supported);
    }

    @Override
    public void readUpTo(long readSeq) {
        readState.readUpTo(readSeq, tab.inView());
    }

    @Override
    public void searchFound(String query, List<Message> hits, boolean more, boolean olderPage) {
        tab.search().found(query, hits, more, olderPage);
    }

    @Override
    public void forbidden(String reason) {
        String said = reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        onRemoved.accept(said.endsWith(".") ? said : said + ".");
    }

    @Override
    public void quotedLoaded(List<Message> original) {
        conversation.addQuoted(original);
    }

    @Override
    public void searchFailed(String query, String reason) {
        tab.search().failed(query, reason);
    }

    @Override
    public void historyReplaced() {
        tab.history().replaced();
        tab.noticeProperty()
                .set(tab.groupName() + "'s history was restored from a backup, so it is shown afresh; messages sent"
                        + " since that backup may be gone.");
    }

    @Override
    public void earlierLoaded(List<Message> messages, boolean earlier) {
        tab.history().earlierLoaded(messages, earlier);
        readState.arrived(List.of(), tab.inView());
    }

    @Override
    public void sinceLoaded(List<Message> messages, boolean earlier) {
        tab.history().sinceLoaded(messages, earlier);
    }

    @Override
    public void latestLoaded(List<Message> messages, boolean earlier) {
        tab.history().latestLoaded(messages, earlier);
    }

    @Override
    public void membersChanged(List<Member> list) {
        move.answered();
        roster.update(list);
    }

    @Override
    public void connectionChanged(ConnectionState state, String detail) {
        tab.connectionProperty().set(state);
        if (state == ConnectionState.OFFLINE) {
            roster.allOffline();
        }
    }

    @Override
    public void handshakeRefused(String reason) {
        tab.handshakeProblemProperty().set(reason == null ? "" : reason);
    }

    @Override
    public void problem(String message) {
        tab.history().failed();
        tab.noticeProperty().set(message);
    }
}
