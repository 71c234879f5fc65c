package org.groupchat.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A FETCH page already encoded as the JSON array of its messages, as the wire carries it: the SQLite store has
 * SQLite write each row's JSON, which is cheaper than reading the columns into objects and encoding those.
 */
public record EncodedPage(byte[] messagesJson, int count, boolean more) {

    /** The page of {@code rows}, each one message's JSON object, oldest first. */
    public static EncodedPage ofRows(List<byte[]> rows, boolean more) {
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

    /** Encodes messages read as objects, for stores that do not encode rows themselves. */
    public static EncodedPage ofMessages(List<Message> messages, boolean more) {
        return new EncodedPage(Json.write(messages), messages.size(), more);
    }

    /** The whole FETCH reply, field for field what {@link Reply.Fetched} encodes to (EncodedPageReplyTest). */
    public byte[] fetchedReply(long lastSeq) {
        return fetchedReply(lastSeq, null, null, null);
    }

    /** With the history id, the first seq kept (retention) and the asking user's read marker (1.4), each if any. */
    public byte[] fetchedReply(long lastSeq, String historyId, Long firstSeq, Long readSeq) {
        byte[] head = "{\"ok\":true,\"messages\":".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (",\"lastSeq\":" + lastSeq + ",\"more\":" + more
                        + (historyId == null
                                ? ""
                                : ",\"historyId\":" + new String(Json.write(historyId), StandardCharsets.UTF_8))
                        + (firstSeq == null ? "" : ",\"firstSeq\":" + firstSeq)
                        + (readSeq == null ? "" : ",\"readSeq\":" + readSeq) + "}")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream reply = new ByteArrayOutputStream(head.length + messagesJson.length + tail.length);
        reply.writeBytes(head);
        reply.writeBytes(messagesJson);
        reply.writeBytes(tail);
        return reply.toByteArray();
    }
}
