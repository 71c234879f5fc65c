package org.groupchat.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import java.nio.file.Path;

/**
 * The servers' metrics, in Prometheus' default registry; counted always (cheap), exported only when the launcher
 * is given {@code --metrics-bind}. Every metric is described in docs/OPERATIONS.md. Label {@code group} is empty
 * for the registry.
 */
public final class Metrics {
    public static final Counter REQUESTS = Counter.builder()
            .name("groupchat_requests")
            .help("Requests answered, by server role, group, op and reply code (OK or the error code)")
            .labelNames("role", "group", "op", "code")
            .register();

    public static final Histogram SEND_LATENCY = Histogram.builder()
            .name("groupchat_send_latency_seconds")
            .help("SEND from its arrival to its acknowledgement (after the commit), stored or answered from storage")
            .labelNames("group")
            .classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
            .register();

    public static final Histogram COMMIT_BATCH = Histogram.builder()
            .name("groupchat_commit_batch_messages")
            .help("SENDs stored together in one transaction (group commit)")
            .labelNames("group")
            .classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
            .register();

    /** {@link #HANDSHAKE_REFUSALS}' reasons: the client did not speak CURVE. */
    public static final String REFUSED_NOT_CURVE = "not_curve";
    /** The CURVE handshake failed: the client holds another server key, or its handshake is broken. */
    public static final String REFUSED_BAD_HANDSHAKE = "wrong_server_key";
    /** A CURVE client whose own key is not on the allow-list of a private group or of a registry. */
    public static final String REFUSED_KEY_NOT_ALLOWED = "key_not_allowed";

    public static final Counter HANDSHAKE_REFUSALS = Counter.builder()
            .name("groupchat_handshake_refusals")
            .help("Clients a secure server refused for their security: connections without CURVE or with a wrong server"
                    + " key, and requests from a key not on the allow-list")
            .labelNames("reason")
            .register();

    public static final Counter REGISTRY_REFUSALS = Counter.builder()
            .name("groupchat_registry_refusals")
            .help("Heartbeats (REGISTER) of a group that a registry refused: the group is not listed there")
            .labelNames("group")
            .register();

    static {
        for (String reason : new String[] {REFUSED_NOT_CURVE, REFUSED_BAD_HANDSHAKE, REFUSED_KEY_NOT_ALLOWED}) {
            HANDSHAKE_REFUSALS.initLabelValues(reason);
        }
        GaugeWithCallback.builder()
                .name("groupchat_group_members")
                .help("Members of each group this process serves")
                .labelNames("group")
                .callback(cb -> LiveFigures.groups().forEach(g -> cb.call(g.members(), g.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_group_online")
                .help("Members online (a request in the last 15 s or a held poll)")
                .labelNames("group")
                .callback(cb -> LiveFigures.groups().forEach(g -> cb.call(g.online(), g.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_group_parked_polls")
                .help("FETCH long polls held now")
                .labelNames("group")
                .callback(cb -> LiveFigures.groups().forEach(g -> cb.call(g.parkedPolls(), g.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_group_listed")
                .help("1 while the registry accepts the group's heartbeats, 0 while it refuses them or does not answer")
                .labelNames("group")
                .callback(cb -> LiveFigures.groups().forEach(g -> cb.call(g.listed() ? 1 : 0, g.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_database_bytes")
                .help("Size of each group's SQLite files: file=db (the database) and file=wal (its write-ahead log)")
                .labelNames("group", "file")
                .callback(cb -> LiveFigures.groups().forEach(g -> {
                    if (g.databaseFile() != null) {
                        cb.call(LiveFigures.sizeOf(g.databaseFile()), g.name(), "db");
                        cb.call(LiveFigures.sizeOf(Path.of(g.databaseFile() + "-wal")), g.name(), "wal");
                    }
                }))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_postgres_database_bytes")
                .help(
                        "Size of the PostgreSQL database the groups are kept in (pg_database_size), refreshed in the background")
                .labelNames("database")
                .callback(cb -> LiveFigures.databases().stream()
                        .filter(d -> d.bytes() >= 0)
                        .forEach(d -> cb.call(d.bytes(), d.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_postgres_wal_position_bytes")
                .help(
                        "WAL the PostgreSQL server has written since its cluster began (its current LSN); rate() is its WAL rate")
                .labelNames("database")
                .callback(cb -> LiveFigures.databases().stream()
                        .filter(d -> d.walPosition() >= 0)
                        .forEach(d -> cb.call(d.walPosition(), d.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_postgres_wal_bytes")
                .help("Size of the PostgreSQL server's WAL folder (pg_ls_waldir); only when the role has pg_monitor")
                .labelNames("database")
                .callback(cb -> LiveFigures.databases().stream()
                        .filter(d -> d.walBytes() >= 0)
                        .forEach(d -> cb.call(d.walBytes(), d.name())))
                .register();
        GaugeWithCallback.builder()
                .name("groupchat_registry_leases")
                .help("Live group leases at the registry of this process")
                .callback(cb -> LiveFigures.registryLeases().ifPresent(leases -> cb.call(leases)))
                .register();
    }

    private Metrics() {}

    /** Registers the metrics (once); the class does it when first used, this makes a scrape show them from the start. */
    public static void init() {
        // the static initializer has run by now
    }
}
