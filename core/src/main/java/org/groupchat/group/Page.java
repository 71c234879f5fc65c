package org.groupchat.group;

import java.util.List;
import org.groupchat.protocol.Message;

/** Messages in seq order and whether more lie beyond them in the direction of the query. */
public record Page(List<Message> messages, boolean more) {
    public static final Page EMPTY = new Page(List.of(), false);
}
