package org.groupchat.desktop.chat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.groupchat.protocol.Message;

/**
 * The messages that replies quote: a quote shows its original's sender and first line, from the conversation's row or
 * from the original fetched alone; an original neither loaded nor fetched is asked for once.
 */
final class QuotedOriginals {
    private final Map<Long, Message> fetchedAlone = new HashMap<>();
    private final Set<Long> asked = new HashSet<>();
    private final Set<Long> wanted = new HashSet<>();
    private final LongFunction<ChatLine> rows;
    private LongConsumer missing = seq -> {};

    /** {@code rows} gives the conversation's row of a stored seq, or null when it is not loaded. */
    QuotedOriginals(LongFunction<ChatLine> rows) {
        this.rows = rows;
    }

    void onMissing(LongConsumer handler) {
        missing = handler;
    }

    /** An original fetched alone for the quotes of replies to it; it is not a row. */
    void addFetched(Message original) {
        fetchedAlone.put(original.seq(), original);
    }

    /** Forgets the originals fetched and asked for (the history was read afresh). */
    void forgetFetched() {
        fetchedAlone.clear();
        asked.clear();
    }

    /** The quote of {@code replyTo} as known now; null for a message that is not a reply. */
    ChatLine.Quote quoteOf(Long replyTo) {
        if (replyTo == null) {
            return null;
        }
        ChatLine original = rows.apply(replyTo);
        if (original == null) {
            Message alone = fetchedAlone.get(replyTo);
            if (alone != null) {
                return new ChatLine.Quote(replyTo, alone.sender().name(), firstLine(alone.text()), false);
            }
            wanted.add(replyTo);
            return new ChatLine.Quote(replyTo, null, null, false);
        }
        return new ChatLine.Quote(replyTo, original.sender().name(), firstLine(original.text()), original.gone());
    }

    /** Once a batch is in, the quoted messages still not loaded are asked for, each once. */
    void askForMissing() {
        for (long seq : wanted) {
            if (rows.apply(seq) == null && !fetchedAlone.containsKey(seq) && asked.add(seq)) {
                missing.accept(seq);
            }
        }
        wanted.clear();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
