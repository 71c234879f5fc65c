package org.groupchat.desktop.chat;

/** Where one of our own messages is: on its way, stored by the server, or refused/unanswered. */
public enum SendState {
    PENDING,
    SENT,
    FAILED
}
