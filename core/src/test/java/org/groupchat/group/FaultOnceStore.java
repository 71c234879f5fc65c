package org.groupchat.group;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/** A real SQLite store that can be told to fail once where the server loop reads it outside any request. */
final class FaultOnceStore implements MessageStore {
    private final MessageStore real;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicBoolean fired = new AtomicBoolean();

    FaultOnceStore(MessageStore real) {
        this.real = real;
    }

    void failNextLastSeq() {
        armed.set(true);
    }

    boolean fired() {
        return fired.get();
    }

    @Override
    public long lastSeq() {
        if (armed.compareAndSet(true, false)) {
            fired.set(true);
            throw new IllegalStateException("injected fault");
        }
        return real.lastSeq();
    }

    @Override
    public Optional<Message> bySeq(long seq) {
        return real.bySeq(seq);
    }

    @Override
    public TargetState about(long target, String userId, String emoji) {
        return real.about(target, userId, emoji);
    }

    @Override
    public GroupState state() {
        return real.state();
    }

    @Override
    public String historyId() {
        return real.historyId();
    }

    @Override
    public long firstSeq() {
        return real.firstSeq();
    }

    @Override
    public int dropOlderThan(long cutoffMs, int batch) {
        return real.dropOlderThan(cutoffMs, batch);
    }

    @Override
    public List<Message> append(List<NewMessage> messages) {
        return real.append(messages);
    }

    @Override
    public Optional<Message> findById(String id) {
        return real.findById(id);
    }

    @Override
    public Page after(long afterSeq, int limit) {
        return real.after(afterSeq, limit);
    }

    @Override
    public Page since(long sinceMs, int limit) {
        return real.since(sinceMs, limit);
    }

    @Override
    public Page newest(int limit) {
        return real.newest(limit);
    }

    @Override
    public Page before(long beforeSeq, int limit) {
        return real.before(beforeSeq, limit);
    }

    @Override
    public Page search(SearchQuery query) {
        return real.search(query);
    }

    @Override
    public Optional<User> member(String userId) {
        return real.member(userId);
    }

    @Override
    public List<User> members() {
        return real.members();
    }

    @Override
    public int memberCount() {
        return real.memberCount();
    }

    @Override
    public void putMember(User user) {
        real.putMember(user);
    }

    @Override
    public boolean removeMember(String userId) {
        return real.removeMember(userId);
    }

    @Override
    public void close() {
        real.close();
    }
}
