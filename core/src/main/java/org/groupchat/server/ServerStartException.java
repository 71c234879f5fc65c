package org.groupchat.server;

/** A server could not start: its address is taken or malformed, or its storage cannot be opened. */
public class ServerStartException extends RuntimeException {
    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
