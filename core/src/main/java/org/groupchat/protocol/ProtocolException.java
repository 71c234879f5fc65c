package org.groupchat.protocol;

/** A request the server refuses: carries the contract's error code and a sentence for a human. */
public class ProtocolException extends Exception {
    private final ErrorCode code;
    private final Long retryAfterMs;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ProtocolException(ErrorCode code, String message, Long retryAfterMs) {
        super(message, null, false, false);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public ErrorCode code() {
        return code;
    }

    public Long retryAfterMs() {
        return retryAfterMs;
    }

    public Reply.Failure toReply() {
        return Reply.Failure.of(code, getMessage(), retryAfterMs);
    }
}
