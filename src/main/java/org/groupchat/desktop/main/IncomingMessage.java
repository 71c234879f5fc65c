package org.groupchat.desktop.main;

import org.groupchat.desktop.chat.ChatLine;

/**
 * A message from someone else that arrived while its tab was not in view, for a desktop notification; one that
 * mentions us is never folded into a summary.
 */
public record IncomingMessage(String groupName, ChatLine line, boolean mentionsYou) {
    public IncomingMessage(String groupName, ChatLine line) {
        this(groupName, line, false);
    }
}
