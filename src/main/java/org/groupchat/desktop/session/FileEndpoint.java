package org.groupchat.desktop.session;

import java.time.Duration;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.client.GroupLocator;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;

/**
 * Where a tab's file transfers go: its group server's current address and keys, who we are there, and where the
 * tab's session finds the group now (a transfer that started before the group moved follows it). A transfer opens its
 * own {@link GroupClient} from it on the thread that runs the transfer, so the session's sockets never wait behind a
 * file.
 */
public record FileEndpoint(String endpoint, ClientKeys keys, User user, GroupLocator locator) {
    // a 128 KiB chunk may wait behind a busy server far longer than a text message
    private static final ClientOptions PATIENT = ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(10));

    /** A client of its own for one transfer; the caller closes it on the thread that opened it. */
    public GroupClient open() {
        return new GroupClient(null, endpoint, user, PATIENT, keys, locator);
    }
}
