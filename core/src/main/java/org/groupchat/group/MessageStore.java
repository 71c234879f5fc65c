package org.groupchat.group;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * Durable storage for one group: messages with gap-free seq, and the member list.
 * Used by the group server's thread only. Every method throws {@link StorageException} on I/O failure.
 */
public interface MessageStore extends AutoCloseable {

    long lastSeq();

    /**
     * The id of this group's history (protocol 1.1, "history-id"): the same for as long as the stored history only
     * grows, another one once it has been replaced (a restore), so a client knows its seqs no longer mean the same.
     */
    String historyId();

    /** The lowest seq still stored, 0 when none; above 1 once retention has dropped older history. */
    long firstSeq();

    /**
     * Retention: drops up to {@code batch} of the oldest messages stored before {@code cutoffMs}, never the newest
     * (so no seq is handed out twice); returns how many it dropped.
     */
    int dropOlderThan(long cutoffMs, int batch);

    /**
     * Completes once the whole stored file has been checked and found intact; exceptionally, with a
     * {@link StorageException} that says what to do, if it is damaged. The store serves meanwhile.
     */
    default CompletableFuture<Void> integrity() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Appends the messages in one transaction and returns, for each, the stored message. A message whose
     * id is already stored (or repeated within the batch) is not stored again: its stored copy is returned.
     * When this returns, the messages are durable.
     */
    List<Message> append(List<NewMessage> messages);

    Optional<Message> findById(String id);

    /** The log's entry with this seq, if it is stored (not yet dropped by retention). */
    Optional<Message> bySeq(long seq);

    /** What the log says about message {@code target} (read on the index on target): taken back? reacted by the user? */
    TargetState about(long target, String userId, String emoji);

    /** The group's owners, bans and read markers. */
    GroupState state();

    /** Messages with seq greater than {@code afterSeq}, oldest first; more = newer ones exist beyond the page. */
    Page after(long afterSeq, int limit);

    /** Messages with ts at or after {@code sinceMs}, oldest first; more = newer ones exist beyond the page. */
    Page since(long sinceMs, int limit);

    /** The newest messages, oldest first; more = older ones exist. */
    Page newest(int limit);

    /** Messages with seq less than {@code beforeSeq}, oldest first; more = older ones exist. */
    Page before(long beforeSeq, int limit);

    /**
     * SEARCH (1.4): the messages whose current text (after edits; deleted and removed ones never) holds the query's
     * words, newest first, read from the store's full-text index; more = older hits exist.
     */
    Page search(SearchQuery query);

    /** The page a FETCH asks for, encoded as the wire carries it; a store may encode it more cheaply itself. */
    default EncodedPage encoded(FetchQuery query) {
        Page page = query.run(this);
        return EncodedPage.ofMessages(page.messages(), page.more());
    }

    Optional<User> member(String userId);

    List<User> members();

    int memberCount();

    /** Adds the member or updates their name. */
    void putMember(User user);

    /** Returns whether the user was a member. */
    boolean removeMember(String userId);

    @Override
    void close();
}
