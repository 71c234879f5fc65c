package org.groupchat.client;

import java.util.List;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.security.ClientKeys;
import org.zeromq.ZContext;

/** Talks to a registry. Blocking; use it from one background thread. */
public final class RegistryClient extends ProtocolClient {

    public RegistryClient(String endpoint) {
        this(null, endpoint, ClientOptions.DEFAULT);
    }

    public RegistryClient(ZContext context, String endpoint, ClientOptions options) {
        this(context, endpoint, options, null);
    }

    /** {@code keys}: CURVE with the registry's public key and our key pair, or null for a registry without security. */
    public RegistryClient(ZContext context, String endpoint, ClientOptions options, ClientKeys keys) {
        super(context, endpoint, options, keys);
    }

    public List<GroupInfo> list() {
        return call(new Request.ListGroups(), Reply.GroupList.class).groups();
    }

    public GroupInfo lookup(String name) {
        return call(new Request.Lookup(name), Reply.GroupFound.class).group();
    }

    public long register(String name, String endpoint, GroupStats stats) {
        return register(new GroupRef(name, endpoint), stats);
    }

    public long register(GroupRef group, GroupStats stats) {
        return call(new Request.Register(group, stats), Reply.Registered.class).leaseMs();
    }

    public void unregister(String name) {
        call(Request.Unregister.named(name), Reply.Done.class);
    }
}
