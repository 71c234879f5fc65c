package org.groupchat.client;

/** No reply came from the server after every retry. */
public class ServerUnreachableException extends GroupChatException {
    private final String endpoint;

    public ServerUnreachableException(String endpoint, int attempts) {
        super("no reply from " + endpoint + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"), null);
        this.endpoint = endpoint;
    }

    protected ServerUnreachableException(String endpoint, String message) {
        super(message, null);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
