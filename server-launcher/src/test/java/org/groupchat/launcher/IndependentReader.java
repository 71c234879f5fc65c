package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/** Reads a group's whole history as a fresh client and checks what a fault must never break. */
final class IndependentReader {
    private IndependentReader() {}

    /** Every acknowledged message present exactly once as acknowledged, seq gap-free from 1, every sender still a member. */
    static List<Message> assertIntact(String endpoint, LoadOfSenders load) {
        try (GroupClient reader = new GroupClient(endpoint, load.users().get(0))) {
            List<Message> stored = readAll(reader);
            assertThat(stored)
                    .extracting(Message::seq)
                    .as("seq is gap-free from 1")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, stored.size()).boxed().toList());
            Map<String, Message> byId = new HashMap<>();
            stored.forEach(m -> assertThat(byId.put(m.id(), m))
                    .as("message %s stored once", m.id())
                    .isNull());
            load.acknowledged()
                    .forEach((id, acked) ->
                            assertThat(byId.get(id)).as("acknowledged %s", id).isEqualTo(acked));
            assertThat(reader.members())
                    .extracting(Member::id)
                    .containsAll(load.users().stream().map(User::id).toList());
            return stored;
        }
    }

    static List<Message> readAll(GroupClient reader) {
        List<Message> all = new ArrayList<>();
        reader.forEachAfter(0, all::add);
        return all;
    }
}
