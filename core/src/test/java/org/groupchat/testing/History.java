package org.groupchat.testing;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;

/** Reads a group's whole history, page by page, as any client would. */
public final class History {
    private History() {}

    public static List<Message> readAll(GroupClient reader) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        Reply.Fetched page;
        do {
            page = reader.fetchAfter(after, 500, 0);
            all.addAll(page.messages());
            if (!page.messages().isEmpty()) {
                after = page.messages().get(page.messages().size() - 1).seq();
            }
        } while (page.more());
        return all;
    }
}
