package org.groupchat.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.ReqChannel;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.PublicKeys;
import org.zeromq.ZContext;

/** Fresh users who JOIN the group under test, and the request bytes the scenarios send as them. */
final class BenchUsers {
    private BenchUsers() {}

    static List<User> join(ZContext context, String endpoint, int count, String namePrefix) {
        List<User> users = new ArrayList<>(count);
        try (ReqChannel channel = new ReqChannel(context, endpoint, ClientOptions.DEFAULT)) {
            for (int i = 0; i < count; i++) {
                User user = new User(UUID.randomUUID().toString(), namePrefix + "-" + i);
                byte[] reply = channel.call(Json.write(new Request.Join(user)), Duration.ZERO);
                if (!isOk(reply)) {
                    throw new IllegalStateException(
                            "JOIN refused by " + endpoint + ": " + new String(reply, StandardCharsets.UTF_8));
                }
                users.add(user);
            }
        }
        return users;
    }

    /** A bench user and the CURVE keys their connections use (null for a group without security). */
    record Keyed(User user, ClientKeys keys) {}

    static List<Keyed> joinWithoutKeys(ZContext context, String endpoint, int count, String namePrefix) {
        return join(context, endpoint, count, namePrefix).stream()
                .map(user -> new Keyed(user, null))
                .toList();
    }

    /** Users with a key pair each, who JOIN a secure group under the id of their key, each on its own connection. */
    static List<Keyed> joinWithKeys(ZContext context, String endpoint, String serverKey, int count, String namePrefix) {
        List<Keyed> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CurveKeyPair own = CurveKeyPair.generate();
            Keyed keyed = new Keyed(
                    new User(PublicKeys.userIdFor(own.publicKey()), namePrefix + "-" + i),
                    new ClientKeys(serverKey, own));
            try (ReqChannel channel = new ReqChannel(context, endpoint, ClientOptions.DEFAULT, keyed.keys())) {
                byte[] reply = channel.call(Json.write(new Request.Join(keyed.user())), Duration.ZERO);
                if (!isOk(reply)) {
                    throw new IllegalStateException(
                            "JOIN refused by " + endpoint + ": " + new String(reply, StandardCharsets.UTF_8));
                }
            }
            users.add(keyed);
        }
        return users;
    }

    /** How every accepted reply begins. */
    static final String OK_PREFIX = "{\"ok\":true";

    static boolean isOk(byte[] reply) {
        return reply.length > 10 && new String(reply, 0, 10, StandardCharsets.US_ASCII).equals(OK_PREFIX);
    }

    static byte[] send(User user, String text) {
        return Json.write(
                new Request.Send(User.ofId(user.id()), UUID.randomUUID().toString(), text));
    }

    static byte[] longPoll(User user, long afterSeq, int waitMs) {
        return Json.write(Request.Fetch.after(User.ofId(user.id()), afterSeq, 100, waitMs));
    }
}
