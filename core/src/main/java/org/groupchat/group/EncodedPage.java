package org.groupchat.group;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.groupchat.protocol.Json;

/**
 * A FETCH page already encoded as the JSON array of its messages, as the wire carries it: the SQLite store has
 * SQLite write each row's JSON, which is cheaper than reading the columns into objects and encoding those.
 */
record EncodedPage(byte[] messagesJson, int count, boolean more) {

    /** The page of {@code rows}, each one message's JSON object, oldest first. */
    static EncodedPage of(List<byte[]> rows, boolean more) {
        ByteArrayOutputStream array = new ByteArrayOutputStream(
                2 + rows.stream().mapToInt(r -> r.length + 1).sum());
        array.write('[');
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                array.write(',');
            }
            array.writeBytes(rows.get(i));
        }
        array.write(']');
        return new EncodedPage(array.toByteArray(), rows.size(), more);
    }

    /** Encodes a page read as objects, for stores that do not encode rows themselves. */
    static EncodedPage of(Page page) {
        return new EncodedPage(Json.write(page.messages()), page.messages().size(), page.more());
    }

    /** The whole FETCH reply, field for field what {@code Reply.Fetched} encodes to. */
    byte[] fetchedReply(long lastSeq) {
        return fetchedReply(lastSeq, null, null);
    }

    /** With the history id (an opaque string of letters, digits and dashes, so it needs no escaping), if any. */
    byte[] fetchedReply(long lastSeq, String historyId, Long firstSeq) {
        return fetchedReply(lastSeq, historyId, firstSeq, null);
    }

    /** With the asking user's read marker (1.4, "read-markers"), if any. */
    byte[] fetchedReply(long lastSeq, String historyId, Long firstSeq, Long readSeq) {
        byte[] head = "{\"ok\":true,\"messages\":".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (",\"lastSeq\":" + lastSeq + ",\"more\":" + more
                        + (historyId == null ? "" : ",\"historyId\":\"" + historyId + "\"")
                        + (firstSeq == null ? "" : ",\"firstSeq\":" + firstSeq)
                        + (readSeq == null ? "" : ",\"readSeq\":" + readSeq) + "}")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream reply = new ByteArrayOutputStream(head.length + messagesJson.length + tail.length);
        reply.writeBytes(head);
        reply.writeBytes(messagesJson);
        reply.writeBytes(tail);
        return reply.toByteArray();
    }
}
