package org.groupchat.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.groupchat.group.MessageStore;
import org.groupchat.group.NewMessage;
import org.groupchat.group.PostgresMessageStore;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.protocol.User;

/** A group's store (a SQLite file, or its rows in PostgreSQL) pre-filled with many messages through the bulk path, one virtual second per 1,000 messages. */
record HistoryDatabase(
        BenchTarget target,
        Path dataDir,
        String groupName,
        long messages,
        long firstTs,
        long lastTs,
        double fillSeconds) {
    private static final int BATCH = 1_000;
    private static final String TEXT =
            "a benchmark message of about a hundred bytes, the length of an ordinary chat line ...";

    static HistoryDatabase fill(BenchTarget target, String groupName, int messages) {
        return fill(target, groupName, messages, i -> TEXT + " #" + i);
    }

    /** Fills with the text {@code text} gives for each message number. */
    static HistoryDatabase fill(BenchTarget target, String groupName, int messages, IntFunction<String> text) {
        return fill(target, target.dataDir(), groupName, messages, text);
    }

    /**
     * A history kept between runs: the group in {@code dir} (SQLite) or under its fixed name in the database, filled
     * only when it is new; its fill time is then NaN. A group with some but fewer messages is refused.
     */
    static HistoryDatabase kept(
            BenchTarget target, Path dir, String groupName, int messages, IntFunction<String> text) {
        try (MessageStore store = target.openStore(dir, groupName)) {
            long held = store.lastSeq();
            if (held >= messages) {
                return new HistoryDatabase(target, dir, groupName, messages, 0, 0, Double.NaN);
            }
            if (held > 0) {
                throw new IllegalStateException("the kept group \"" + groupName + "\" holds " + held + " messages, not "
                        + messages + " (an interrupted fill?): delete it, or the folder " + dir + ", and run again");
            }
        }
        return fill(target, dir, groupName, messages, text);
    }

    private static HistoryDatabase fill(
            BenchTarget target, Path dir, String groupName, int messages, IntFunction<String> text) {
        long start = System.nanoTime();
        long firstTs = System.currentTimeMillis() - 86_400_000L;
        long ts = firstTs;
        User writer = new User(UUID.randomUUID().toString(), "bench-writer");
        long idHigh = UUID.randomUUID().getMostSignificantBits();
        try (MessageStore store = target.openStore(dir, groupName)) {
            for (int done = 0; done < messages; done += BATCH) {
                List<NewMessage> batch = new ArrayList<>(BATCH);
                for (int i = done; i < Math.min(messages, done + BATCH); i++) {
                    // Ascending ids keep the UNIQUE index append-only, so a million rows fill in seconds.
                    batch.add(new NewMessage(new UUID(idHigh, i).toString(), writer, text.apply(i)));
                }
                ts = firstTs + (done / BATCH) * 1_000L;
                if (store instanceof SqliteMessageStore file) {
                    file.bulkAppend(batch, ts);
                } else {
                    ((PostgresMessageStore) store).bulkAppend(batch, ts);
                }
            }
        }
        return new HistoryDatabase(target, dir, groupName, messages, firstTs, ts, (System.nanoTime() - start) / 1e9);
    }

    MessageStore open() {
        return target.openStore(dataDir, groupName);
    }
}
