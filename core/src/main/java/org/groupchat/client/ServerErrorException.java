package org.groupchat.client;

import org.groupchat.protocol.ErrorCode;

/** The server answered with an error reply: its code and its message, as sent. */
public class ServerErrorException extends GroupChatException {
    private final ErrorCode code;
    private final Long retryAfterMs;

    public ServerErrorException(ErrorCode code, String message, Long retryAfterMs) {
        super(message, null);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public ErrorCode code() {
        return code;
    }

    /** For RATE_LIMITED: how long to wait before sending again; otherwise null. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
