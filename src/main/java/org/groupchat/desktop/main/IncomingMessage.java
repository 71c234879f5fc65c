package org.groupchat.desktop.main;

import org.groupchat.desktop.chat.ChatLine;

/** A message from someone else that arrived while its tab was not in view, for a desktop notification. */
public record IncomingMessage(String groupName, ChatLine line) {}
