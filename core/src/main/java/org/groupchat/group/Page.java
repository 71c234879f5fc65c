package org.groupchat.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.groupchat.protocol.Message;

/** Messages in seq order (a SEARCH's newest first) and whether more lie beyond them in the direction of the query. */
public record Page(List<Message> messages, boolean more) {
    public static final Page EMPTY = new Page(List.of(), false);

    /** A page from up to {@code limit + 1} rows read forward: the extra row only says there is more. */
    static Page forward(List<Message> rows, int limit) {
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    /** A page from up to {@code limit + 1} rows read newest first, put back in seq order. */
    static Page backward(List<Message> newestFirst, int limit) {
        boolean more = newestFirst.size() > limit;
        List<Message> page = new ArrayList<>(more ? newestFirst.subList(0, limit) : newestFirst);
        Collections.reverse(page);
        return new Page(page, more);
    }
}
