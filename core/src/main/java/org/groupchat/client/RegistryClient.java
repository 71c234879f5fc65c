package org.groupchat.client;

import java.util.List;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.zeromq.ZContext;

/** Talks to a registry. Blocking; use it from one background thread. */
public final class RegistryClient extends ProtocolClient {

    public RegistryClient(String endpoint) {
        this(null, endpoint, ClientOptions.DEFAULT);
    }

    public RegistryClient(ZContext context, String endpoint, ClientOptions options) {
        super(context, endpoint, options);
    }

    public List<GroupInfo> list() {
        return call(new Request.ListGroups(), Reply.GroupList.class).groups();
    }

    public GroupInfo lookup(String name) {
        return call(new Request.Lookup(name), Reply.GroupFound.class).group();
    }

    public long register(String name, String endpoint, GroupStats stats) {
        return call(new Request.Register(new GroupRef(name, endpoint), stats), Reply.Registered.class).leaseMs();
    }

    public void unregister(String name) {
        call(Request.Unregister.named(name), Reply.Done.class);
    }
}
