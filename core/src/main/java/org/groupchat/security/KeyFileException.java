package org.groupchat.security;

/** A key file that cannot be used; the message says which file and what to do. */
public final class KeyFileException extends RuntimeException {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
