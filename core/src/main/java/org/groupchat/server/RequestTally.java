package org.groupchat.server;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.nio.ByteBuffer;
import java.util.HashMap;
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
    private final Map<ByteBuffer, Open> open = new HashMap<>();
    // the counters by op, then code: a label lookup per request was a tenth of what tallying cost the server thread
    private final Map<String, Map<String, CounterDataPoint>> counters = new HashMap<>();
    private DistributionDataPoint sendLatency;

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
        counters.computeIfAbsent(op, o -> new HashMap<>())
                .computeIfAbsent(code, c -> Metrics.REQUESTS.labelValues(role, group, op, c))
                .inc();
        if (request != null && op.equals("SEND") && code.equals("OK")) {
            if (sendLatency == null) {
                sendLatency = Metrics.SEND_LATENCY.labelValues(group);
            }
            sendLatency.observe((System.nanoTime() - request.arrivedNanos()) / 1e9);
        }
    }

    static String codeOf(Reply reply) {
        return reply instanceof Reply.Failure failure ? failure.error().code().name() : "OK";
    }

    /** The peer's routing identity, compared by content; the frame is never changed after it arrived. */
    private static ByteBuffer key(List<byte[]> route) {
        return ByteBuffer.wrap(route.isEmpty() ? new byte[0] : route.get(0));
    }
}
