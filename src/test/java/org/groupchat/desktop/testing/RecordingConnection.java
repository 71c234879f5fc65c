package org.groupchat.desktop.testing;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.desktop.session.FileEndpoint;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.Request;

/** Stands in for a session behind a view model and records what the view model asked of it. */
public final class RecordingConnection implements GroupConnection {
    public record Sent(String messageId, String text) {}

    public final List<Sent> sends = new ArrayList<>();
    public final List<Request.Send> entries = new ArrayList<>();
    public final List<Long> marks = new ArrayList<>();
    public final List<String> searches = new ArrayList<>();
    public final List<Long> earlier = new ArrayList<>();
    public final List<Long> quoted = new ArrayList<>();
    public final List<Long> since = new ArrayList<>();
    public final List<String> retargets = new ArrayList<>();
    public int latest;
    public boolean left;
    public boolean closed;

    @Override
    public void send(Request.Send entry) {
        entries.add(entry);
        sends.add(new Sent(entry.id(), entry.text()));
    }

    @Override
    public void markRead(long seq) {
        marks.add(seq);
    }

    @Override
    public void search(String query, Long beforeSeq) {
        searches.add(query + (beforeSeq == null ? "" : " before " + beforeSeq));
    }

    @Override
    public void loadQuoted(long seq) {
        quoted.add(seq);
    }

    @Override
    public void loadEarlier(long beforeSeq) {
        earlier.add(beforeSeq);
    }

    @Override
    public void loadSince(long sinceMs) {
        since.add(sinceMs);
    }

    @Override
    public void loadLatest() {
        latest++;
    }

    @Override
    public void retarget(String endpoint, String serverKey) {
        retargets.add(endpoint + " " + serverKey);
    }

    @Override
    public FileEndpoint fileEndpoint() {
        throw new UnsupportedOperationException("a recording connection has no server to move files to");
    }

    @Override
    public void leave() {
        left = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
