package org.groupchat.server;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.groupchat.metrics.Metrics;
import org.groupchat.protocol.Reply;

/**
 * Counts each answered request by op and reply code, and times SENDs from arrival to acknowledgement. A reply is
 * matched to its request by the peer's routing identity (a REQ peer has one request open at a time). Used by the
 * server thread only.
 */
final class RequestTally {
    static final String UNDECODED = "INVALID";

    private record Open(String op, long arrivedNanos) {}

    private final String role;
    private final String group;
    private final Map<String, Open> open = new HashMap<>();

    RequestTally(String role, String group) {
        this.role = role;
        this.group = group;
    }

    void arrived(List<byte[]> route, String op) {
        open.put(key(route), new Open(op, System.nanoTime()));
    }

    void answered(List<byte[]> route, String code) {
        Open request = open.remove(key(route));
        String op = request == null ? UNDECODED : request.op();
        Metrics.REQUESTS.labelValues(role, group, op, code).inc();
        if (request != null && op.equals("SEND") && code.equals("OK")) {
            Metrics.SEND_LATENCY.labelValues(group).observe((System.nanoTime() - request.arrivedNanos()) / 1e9);
        }
    }

    static String codeOf(Reply reply) {
        return reply instanceof Reply.Failure failure ? failure.error().code().name() : "OK";
    }

    private static String key(List<byte[]> route) {
        return route.isEmpty() ? "" : HexFormat.of().formatHex(route.get(0));
    }
}
