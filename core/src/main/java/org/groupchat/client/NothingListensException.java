package org.groupchat.client;

/** Nothing listens at the address (our TCP connects are refused), and the channel has never been answered there. */
public final class NothingListensException extends ServerUnreachableException {
    public NothingListensException(String endpoint) {
        super(endpoint, "nothing listens at " + endpoint + " (connection refused)");
    }
}
