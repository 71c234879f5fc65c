package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.groupchat.client.ReplyDecoder;
import org.groupchat.client.ServerErrorException;
import org.groupchat.desktop.testing.RecordingConnection;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.testing.FuzzedReplies;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the desktop's handling of a group's replies, fuzzed. 10,000 generated and mutated replies to the requests a
 * tab's session makes (JOIN, the newest page, the live FETCH, history, MEMBERS, SEND) go through the session's decoding
 * into a tab's model: each ends in a typed error or changes the tab, which stays a conversation (messages in seq
 * order, each id once) with member names it can show.
 */
class HostileRepliesFuzzTest {
    private static final int REPLIES = 10_000;
    private static final String ENDPOINT = "tcp://127.0.0.1:1";
    private static final User ME = new User("00000000-0000-4000-8000-000000000001", "Me");
    private static final User REF = new User(ME.id(), null);

    @Test
    void tenThousandHostileRepliesEndInTypedErrorsOrAConsistentConversation() {
        FuzzedReplies fuzz = new FuzzedReplies(20_261_206L, ENDPOINT, 0);
        ChatTabViewModel tab = new ChatTabViewModel("Evil", ME, ZoneOffset.UTC, System::currentTimeMillis);
        tab.attach(new RecordingConnection());
        List<Request> asked = List.of(
                new Request.Join(ME),
                Request.Fetch.newest(REF, 50),
                Request.Fetch.after(REF, 10, 200, 25_000),
                Request.Fetch.since(REF, 1_700_000_000_000L, 50),
                new Request.Before(REF, 100L, 50),
                new Request.Members(REF),
                new Request.Send(REF, UUID.randomUUID().toString(), "hello"));
        int used = 0;
        int refused = 0;
        for (int i = 0; i < REPLIES; i++) {
            Request request = asked.get(i % asked.size());
            JsonNode json = Json.mapper().valueToTree(request);
            for (byte[] frame : fuzz.answer(json)) {
                try {
                    apply(tab, request, frame);
                    used++;
                } catch (ServerErrorException expected) {
                    refused++;
                }
            }
        }

        assertThat(used).as("replies the tab used").isGreaterThan(REPLIES / 10);
        assertThat(refused).as("replies refused").isGreaterThan(REPLIES / 10);
        List<ChatLine> lines = tab.lines();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(ids.add(lines.get(i).id())).as("message id shown once").isTrue();
            if (i > 0 && lines.get(i).isStored() && lines.get(i - 1).isStored()) {
                assertThat(lines.get(i).seq()).isGreaterThan(lines.get(i - 1).seq());
            }
        }
        assertThat(tab.members())
                .allSatisfy(
                        member -> assertThat(DisplayNames.shown(member.name())).isNotBlank());
    }

    /** What the session does with a decoded reply (SessionLoop, LivePoll, HistoryCalls). */
    private static void apply(ChatTabViewModel tab, Request request, byte[] frame) {
        if (request instanceof Request.Members) {
            tab.reports()
                    .membersChanged(ReplyDecoder.decode(frame, request, Reply.MemberList.class, ENDPOINT)
                            .members());
        } else if (request instanceof Request.Send) {
            tab.reports()
                    .sent(ReplyDecoder.decode(frame, request, Reply.Sent.class, ENDPOINT)
                            .message());
        } else if (request instanceof Request.Before) {
            Reply.History page = ReplyDecoder.decode(frame, request, Reply.History.class, ENDPOINT);
            tab.reports().earlierLoaded(page.messages(), page.more());
        } else if (request instanceof Request.Join) {
            ReplyDecoder.decode(frame, request, Reply.Joined.class, ENDPOINT);
        } else if (request instanceof Request.Fetch fetch) {
            List<Message> messages = ReplyDecoder.decode(frame, request, Reply.Fetched.class, ENDPOINT)
                    .messages();
            if (fetch.afterSeq() != null) {
                tab.reports()
                        .arrived(messages.stream()
                                .filter(m -> m.seq() > fetch.afterSeq())
                                .toList());
            } else if (fetch.since() != null) {
                tab.reports().sinceLoaded(messages, false);
            } else {
                tab.reports().newestPage(messages, false);
            }
        }
    }
}
