package org.groupchat.client;

import org.groupchat.protocol.ErrorCode;

/**
 * The server's reply broke the protocol: not one frame of JSON, a field missing or of the wrong type, or a value out
 * of contract (a negative {@code lastSeq}, more messages than asked for, messages out of order, an answer to another
 * request). The fault is the server's; the call is not retried. It is a {@link ServerErrorException} with code
 * {@code INTERNAL}, so code that handles a server's refusals handles it too; catch it first to tell it apart.
 */
public class ProtocolViolationException extends ServerErrorException {
    private final String endpoint;

    /** {@code endpoint} null: the server is not known here. {@code what} completes "its reply to OP ...". */
    public ProtocolViolationException(String endpoint, String op, String what) {
        this(
                endpoint,
                "the server at " + (endpoint == null ? "the other end" : endpoint) + " broke the protocol: its reply"
                        + (op == null ? "" : " to " + op) + " " + what);
    }

    protected ProtocolViolationException(String endpoint, String message) {
        super(ErrorCode.INTERNAL, message, null);
        this.endpoint = endpoint;
    }

    /** The server's address, or null when it was not known where the reply was decoded. */
    public String endpoint() {
        return endpoint;
    }
}
