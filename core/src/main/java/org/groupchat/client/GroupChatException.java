package org.groupchat.client;

/** A request did not succeed: the server was unreachable or refused it. */
public abstract class GroupChatException extends RuntimeException {
    protected GroupChatException(String message, Throwable cause) {
        super(message, cause);
    }
}
