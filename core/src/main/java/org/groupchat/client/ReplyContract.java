package org.groupchat.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.security.PublicKeys;

/**
 * The contract's rules for the values in a success reply (PROTOCOL.md), checked before a client uses it: names and
 * ids as servers check them, integers that fit a JavaScript number, messages in {@code seq} order, no more than were
 * asked for, and the answer to the request that was sent.
 */
final class ReplyContract {
    /** Every seq, ts and count fits a JavaScript number (PROTOCOL.md, section 3): beyond is not a real value. */
    static final long MAX_INTEGER = (1L << 53) - 1;

    static final long MAX_LEASE_MS = 86_400_000L;
    private static final int DEFAULT_LIMIT = 100;
    private static final int SEARCH_DEFAULT_LIMIT = 20;

    /** What is wrong with a reply, completing the sentence "its reply ...". */
    static final class Breach extends Exception {
        Breach(String what) {
            super(what, null, false, false);
        }
    }

    private ReplyContract() {}

    /** {@code request} null: only the rules that hold whatever was asked. */
    static void check(Reply reply, Request request) throws Breach {
        if (reply instanceof Reply.Pong pong) {
            if (!"registry".equals(pong.role()) && !"group".equals(pong.role())) {
                throw new Breach("has a role that is neither \"registry\" nor \"group\"");
            }
            text(pong.version(), "version", 100);
            range(pong.protocol(), 1, 1_000, "protocol");
        } else if (reply instanceof Reply.Registered registered) {
            range(registered.leaseMs(), 1, MAX_LEASE_MS, "leaseMs");
        } else if (reply instanceof Reply.GroupList list) {
            List<GroupInfo> groups = present(list.groups(), "groups");
            for (int i = 0; i < groups.size(); i++) {
                group(groups.get(i), "groups[" + i + "]");
            }
        } else if (reply instanceof Reply.GroupFound found) {
            group(found.group(), "group");
            if (request instanceof Request.Lookup lookup
                    && lookup.name() != null
                    && !sameGroupName(found.group().name(), lookup.name().strip())) {
                throw new Breach("names another group than the one asked for");
            }
        } else if (reply instanceof Reply.Joined joined) {
            range(joined.lastSeq(), 0, MAX_INTEGER, "lastSeq");
            List<User> members = present(joined.members(), "members");
            for (int i = 0; i < members.size(); i++) {
                user(members.get(i), "members[" + i + "]");
            }
            readSeq(joined.readSeq());
        } else if (reply instanceof Reply.MarkedRead marked) {
            range(marked.readSeq(), 0, MAX_INTEGER, "readSeq");
        } else if (reply instanceof Reply.Sent sent) {
            message(sent.message(), "message");
            if (request instanceof Request.Send send && !sent.message().id().equalsIgnoreCase(send.id())) {
                throw new Breach("holds another message than the one sent (another id)");
            }
        } else if (reply instanceof Reply.Fetched fetched) {
            range(fetched.lastSeq(), 0, MAX_INTEGER, "lastSeq");
            readSeq(fetched.readSeq());
            List<Message> messages = messages(fetched.messages());
            if (!messages.isEmpty() && messages.get(messages.size() - 1).seq() > fetched.lastSeq()) {
                throw new Breach("has a message after its lastSeq");
            }
            moreOnlyWithMessages(fetched.more(), messages);
            if (request instanceof Request.Fetch fetch) {
                atMost(messages, fetch.limit());
                for (Message m : messages) {
                    if (fetch.afterSeq() != null && m.seq() <= fetch.afterSeq()) {
                        throw new Breach("has message " + m.seq() + ", not after " + fetch.afterSeq() + " as asked");
                    }
                    if (fetch.afterSeq() == null && fetch.since() != null && m.ts() < fetch.since()) {
                        throw new Breach("has message " + m.seq() + " from before the time asked for");
                    }
                }
            }
        } else if (reply instanceof Reply.History history) {
            List<Message> messages = messages(history.messages());
            moreOnlyWithMessages(history.more(), messages);
            if (request instanceof Request.Before before) {
                atMost(messages, before.limit());
                if (!messages.isEmpty()
                        && before.beforeSeq() != null
                        && messages.get(messages.size() - 1).seq() >= before.beforeSeq()) {
                    throw new Breach("has messages not before " + before.beforeSeq() + " as asked");
                }
            }
        } else if (reply instanceof Reply.SearchHits found) {
            List<Message> hits = newestFirst(found.hits());
            moreOnlyWithMessages(found.more(), hits);
            if (request instanceof Request.Search search) {
                atMost(hits, search.limit() == null ? SEARCH_DEFAULT_LIMIT : search.limit());
                if (!hits.isEmpty() && search.beforeSeq() != null && hits.get(0).seq() >= search.beforeSeq()) {
                    throw new Breach("has hits not before " + search.beforeSeq() + " as asked");
                }
            }
        } else if (reply instanceof Reply.FileProgress progress) {
            range(progress.chunkSize(), 1, 200_000, "chunkSize");
            range(progress.offset(), 0, MAX_INTEGER, "offset");
            if (progress.complete()
                    && (progress.message() == null
                            || message(progress.message(), "message").file() == null)) {
                throw new Breach("says the file is complete without its file event");
            }
        } else if (reply instanceof Reply.FileData data) {
            range(present(data.file(), "file").size(), 1, MAX_INTEGER, "file.size");
            range(data.chunkSize(), 1, 200_000, "chunkSize");
            if (request instanceof Request.FileGet get && get.offset() != null && data.offset() != get.offset()) {
                throw new Breach("carries the chunk at " + data.offset() + ", not at " + get.offset() + " as asked");
            }
        } else if (reply instanceof Reply.MemberList list) {
            List<Member> members = present(list.members(), "members");
            for (int i = 0; i < members.size(); i++) {
                Member m = present(members.get(i), "members[" + i + "]");
                user(new User(m.id(), m.name()), "members[" + i + "]");
            }
        }
    }

    /** Group names compare as the registry compares them (LeaseTable). */
    private static boolean sameGroupName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private static void group(GroupInfo group, String field) throws Breach {
        present(group, field);
        name(group.name(), field + ".name");
        try {
            Fields.connectableEndpoint(group.endpoint(), field + ".endpoint");
        } catch (ProtocolException e) {
            throw new Breach("has an endpoint clients cannot connect to in " + field + ".endpoint");
        }
        range(group.members(), 0, MAX_INTEGER, field + ".members");
        range(group.online(), 0, MAX_INTEGER, field + ".online");
        range(group.lastSeq(), 0, MAX_INTEGER, field + ".lastSeq");
        range(group.since(), 0, MAX_INTEGER, field + ".since");
        if (group.publicKey() != null && !PublicKeys.isValid(group.publicKey())) {
            throw new Breach("has a " + field + ".publicKey that is not a CURVE key");
        }
    }

    private static List<Message> messages(List<Message> messages) throws Breach {
        present(messages, "messages");
        long previous = 0;
        for (int i = 0; i < messages.size(); i++) {
            Message m = message(messages.get(i), "messages[" + i + "]");
            if (m.seq() <= previous) {
                throw new Breach("has messages out of seq order (" + m.seq() + " after " + previous + ")");
            }
            previous = m.seq();
        }
        return messages;
    }

    /** Search hits come newest first, each message once. */
    private static List<Message> newestFirst(List<Message> hits) throws Breach {
        present(hits, "hits");
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < hits.size(); i++) {
            Message m = message(hits.get(i), "hits[" + i + "]");
            if (m.seq() >= previous) {
                throw new Breach("has hits out of newest-first order (" + m.seq() + " after " + previous + ")");
            }
            previous = m.seq();
        }
        return hits;
    }

    private static Message message(Message m, String field) throws Breach {
        present(m, field);
        range(m.seq(), 1, MAX_INTEGER, field + ".seq");
        uuid(m.id(), field + ".id");
        range(m.ts(), 0, MAX_INTEGER, field + ".ts");
        user(present(m.sender(), field + ".sender"), field + ".sender");
        String text = present(m.text(), field + ".text");
        if (text.isBlank() || text.getBytes(StandardCharsets.UTF_8).length > Fields.MAX_TEXT_BYTES) {
            throw new Breach("has a " + field + ".text that is empty or over " + Fields.MAX_TEXT_BYTES + " bytes");
        }
        eventFields(m, field);
        return m;
    }

    /** An event's fields (1.4): seqs point back into the log, ids are UUIDs, an emoji is short. */
    private static void eventFields(Message m, String field) throws Breach {
        if (m.replyTo() != null) {
            range(m.replyTo(), 1, m.seq() - 1, field + ".replyTo");
        }
        if (m.target() != null) {
            range(m.target(), 1, m.seq() - 1, field + ".target");
        }
        if (m.member() != null) {
            uuid(m.member(), field + ".member");
        }
        if (m.emoji() != null && (m.emoji().isEmpty() || m.emoji().getBytes(StandardCharsets.UTF_8).length > 32)) {
            throw new Breach("has a " + field + ".emoji that is empty or over 32 bytes");
        }
        if (m.mentions() != null) {
            if (m.mentions().size() > 50) {
                throw new Breach("has " + m.mentions().size() + " " + field + ".mentions; at most 50");
            }
            for (int i = 0; i < m.mentions().size(); i++) {
                uuid(m.mentions().get(i), field + ".mentions[" + i + "]");
            }
        }
    }

    private static void readSeq(Long readSeq) throws Breach {
        if (readSeq != null) {
            range(readSeq, 0, MAX_INTEGER, "readSeq");
        }
    }

    private static void user(User user, String field) throws Breach {
        present(user, field);
        uuid(user.id(), field + ".id");
        name(user.name(), field + ".name");
    }

    private static void uuid(String value, String field) throws Breach {
        try {
            Fields.uuid(value, field);
        } catch (ProtocolException e) {
            throw new Breach("has a " + field + " that is not a UUID");
        }
    }

    private static void name(String value, String field) throws Breach {
        try {
            if (!Fields.name(value, field).equals(value)) {
                throw new Breach("has a " + field + " with leading or trailing spaces");
            }
        } catch (ProtocolException e) {
            throw new Breach("has an invalid " + field + ": " + e.getMessage());
        }
    }

    private static void text(String value, String field, int maxChars) throws Breach {
        present(value, field);
        if (value.isEmpty() || value.length() > maxChars || value.chars().anyMatch(Character::isISOControl)) {
            throw new Breach(
                    "has a " + field + " that is empty, over " + maxChars + " characters or holds control characters");
        }
    }

    /** A page that says "more" but holds nothing would have a client ask for the same page for ever. */
    private static void moreOnlyWithMessages(boolean more, List<Message> messages) throws Breach {
        if (more && messages.isEmpty()) {
            throw new Breach("says there are more messages but holds none");
        }
    }

    private static void atMost(List<Message> messages, Integer limit) throws Breach {
        int asked = limit == null ? DEFAULT_LIMIT : limit;
        if (messages.size() > asked) {
            throw new Breach("holds " + messages.size() + " messages; at most " + asked + " were asked for");
        }
    }

    private static void range(long value, long min, long max, String field) throws Breach {
        if (value < min || value > max) {
            throw new Breach("has " + field + " " + value + ", outside " + min + ".." + max);
        }
    }

    private static <T> T present(T value, String field) throws Breach {
        if (value == null) {
            throw new Breach("has no " + field);
        }
        return value;
    }
}
