package org.groupchat.group;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;

/**
 * The newest messages this server stored, kept with their wire JSON, so that a FETCH of recent history is answered
 * without a database read (a one-message FETCH cost 2.5x a PING in the statement alone; a 500-message page, 1 us of
 * SQLite per row). Bounded by count and text size; filled only by committed appends, so what it holds is durable.
 * It answers only while it ends at the store's last seq and the whole page lies within it; otherwise the store does.
 */
final class RecentMessages {
    static final int CAPACITY = 1_024;
    static final long MAX_TEXT_BYTES = 4L << 20;

    private static final class Kept {
        final Message message;
        byte[] json;

        Kept(Message message) {
            this.message = message;
        }

        byte[] json() {
            if (json == null) {
                json = Json.write(message);
            }
            return json;
        }
    }

    private final Kept[] ring = new Kept[CAPACITY];
    private int head;
    private int size;
    private long textBytes;

    /** Adds messages just committed, in rising seq; one that does not follow the last kept starts the ring anew. */
    void addAll(List<Message> committed) {
        for (Message message : committed) {
            if (size > 0 && message.seq() != at(size - 1).message.seq() + 1) {
                clear();
            }
            if (size == CAPACITY) {
                dropOldest();
            }
            ring[(head + size) % CAPACITY] = new Kept(message);
            size++;
            textBytes += message.text().length() * 3L;
            while (textBytes > MAX_TEXT_BYTES && size > 1) {
                dropOldest();
            }
        }
    }

    /** The page from memory, or null when part of it may lie outside what is kept or the store has moved on. */
    EncodedPage answer(FetchQuery query, long storeLastSeq) {
        if (size == 0 || at(size - 1).message.seq() != storeLastSeq) {
            return null;
        }
        Message first = at(0).message;
        int start;
        switch (query.mode()) {
            case AFTER_SEQ -> {
                if (query.from() < first.seq() - 1) {
                    return null;
                }
                start = (int) Math.min(size, query.from() - first.seq() + 1);
            }
            case SINCE_TS -> {
                // Every message before the kept ones has a ts at or before the first kept one's (appends never go
                // back).
                if (query.from() <= first.ts() && first.seq() != 1) {
                    return null;
                }
                start = firstAtOrAfter(query.from());
            }
            case NEWEST -> {
                if (size <= query.limit() && first.seq() != 1) {
                    return null;
                }
                start = Math.max(0, size - query.limit());
                return page(start, size, start > 0);
            }
            default -> throw new IllegalStateException(query.mode().toString());
        }
        int end = (int) Math.min(size, (long) start + query.limit());
        return page(start, end, end < size);
    }

    private EncodedPage page(int start, int end, boolean more) {
        List<byte[]> rows = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            rows.add(at(i).json());
        }
        return EncodedPage.ofRows(rows, more);
    }

    /** The index of the first kept message with ts at or after {@code ts}; ts rises with seq. */
    private int firstAtOrAfter(long ts) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (at(mid).message.ts() < ts) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Kept at(int index) {
        return ring[(head + index) % CAPACITY];
    }

    private void dropOldest() {
        textBytes -= ring[head].message.text().length() * 3L;
        ring[head] = null;
        head = (head + 1) % CAPACITY;
        size--;
    }

    void clear() {
        while (size > 0) {
            dropOldest();
        }
    }
}
