package org.groupchat.desktop.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * How the log's events about one message make its row (PROTOCOL.md, "Everyday chat"): the latest edit's text wins,
 * a deletion or an owner's removal ends it, reactions are a set per emoji. Only the author's edits and deletions
 * count, whatever a server sends.
 */
final class EventFolding {
    static final String DELETED = "deleted";
    static final String REMOVED = "removed by an owner";

    private EventFolding() {}

    static ChatLine fold(Message base, boolean own, NavigableMap<Long, Message> events, ChatLine.Quote quote) {
        String text = base.text();
        boolean edited = false;
        String gone = null;
        Map<String, List<User>> reactions = new LinkedHashMap<>();
        for (Message event : events == null ? List.<Message>of() : events.values()) {
            boolean byAuthor = event.sender().id().equals(base.sender().id());
            switch (event.eventKind()) {
                case EDIT -> {
                    if (byAuthor && gone == null) {
                        text = event.text();
                        edited = true;
                    }
                }
                case DELETE -> gone = byAuthor ? DELETED : gone;
                case REMOVE -> gone = REMOVED;
                case REACTION -> react(reactions, event, true);
                case UNREACTION -> react(reactions, event, false);
                default -> {}
            }
        }
        List<ChatLine.Reaction> shown = new ArrayList<>();
        if (gone == null) {
            reactions.forEach((emoji, who) -> {
                if (!who.isEmpty()) {
                    shown.add(new ChatLine.Reaction(emoji, who));
                }
            });
        }
        ChatLine line = ChatLine.stored(base, own);
        return line.with(
                gone == null ? text : "", new ChatLine.Folded(edited, gone, quote, shown, base.mentions(), false));
    }

    private static void react(Map<String, List<User>> reactions, Message event, boolean on) {
        if (event.emoji() == null) {
            return;
        }
        List<User> who = reactions.computeIfAbsent(event.emoji(), e -> new ArrayList<>());
        who.removeIf(u -> u.id().equals(event.sender().id()));
        if (on) {
            who.add(event.sender());
        }
    }
}
