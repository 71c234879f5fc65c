package org.groupchat.group;

/** The message store could not read or write; nothing of the failed operation was stored. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
