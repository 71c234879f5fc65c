package org.groupchat.desktop.chat;

import java.nio.charset.StandardCharsets;
import org.groupchat.protocol.Fields;

/** Decides whether a draft may be sent, and says why not in words a user understands. */
final class DraftCheck {
    private DraftCheck() {}

    /** Null when {@code draft} can be sent; otherwise the reason it cannot. */
    static String refusal(String draft) {
        String text = draft == null ? "" : draft.strip();
        if (text.isEmpty()) {
            return "Type a message first: an empty message is not sent.";
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Fields.MAX_TEXT_BYTES) {
            return "Too long to send: " + bytes + " bytes; the limit is " + Fields.MAX_TEXT_BYTES + " bytes.";
        }
        return null;
    }
}
