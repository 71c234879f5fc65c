package org.groupchat.launcher.servers;

import com.sun.net.httpserver.HttpExchange;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.metrics.Metrics;

/**
 * The Prometheus text endpoint ({@code --metrics-bind HOST:PORT}): {@code /metrics} for scrapes, and {@code /health}
 * for a supervisor: 200 "ok" while every server of this process runs and turns its loop, else 503 and one line on
 * which one stopped or is stuck. Both are answered on the exporter's own threads from figures the servers published;
 * a check never waits on a server.
 */
final class MetricsEndpoint implements AutoCloseable {
    private static boolean jvmRegistered;
    private final HTTPServer server;
    private final String address;

    private MetricsEndpoint(HTTPServer server, String address) {
        this.server = server;
        this.address = address;
    }

    /** {@code problem} returns null while healthy, else a sentence naming what stopped. */
    static MetricsEndpoint start(String bind, Supplier<String> problem) {
        int colon = bind.lastIndexOf(':');
        int port;
        try {
            port = Integer.parseInt(bind.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new UsageProblem(
                    "--metrics-bind must look like HOST:PORT (e.g. 127.0.0.1:9404), got \"" + bind + "\"");
        }
        String host = colon <= 0 || bind.substring(0, colon).equals("*") ? "0.0.0.0" : bind.substring(0, colon);
        if (port < 0 || port > 65_535) {
            throw new UsageProblem("--metrics-bind: port " + port + " is out of range 0..65535");
        }
        registerJvmMetricsOnce();
        // without it a keep-alive client (Prometheus) waits out a delayed ACK: /health p50 44 ms, with it 0.3 ms
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        try {
            HTTPServer server = HTTPServer.builder()
                    .hostname(host)
                    .port(port)
                    .defaultHandler(exchange -> answerHealth(exchange, problem))
                    .buildAndStart();
            return new MetricsEndpoint(
                    server, "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort());
        } catch (BindException e) {
            throw new UsageProblem("--metrics-bind " + bind + ": address already in use or not on this machine");
        } catch (IOException e) {
            throw new UsageProblem("--metrics-bind " + bind + ": " + e.getMessage());
        }
    }

    private static synchronized void registerJvmMetricsOnce() {
        Metrics.init();
        if (!jvmRegistered) {
            JvmMetrics.builder().register();
            jvmRegistered = true;
        }
    }

    private static void answerHealth(HttpExchange exchange, Supplier<String> problem) throws IOException {
        try (exchange) {
            boolean health = exchange.getRequestURI().getPath().equals("/health");
            String trouble = health ? problem.get() : null;
            int status = !health ? 404 : trouble == null ? 200 : 503;
            byte[] body = (!health ? "not found: try /metrics or /health\n" : trouble == null ? "ok\n" : trouble + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:9404}. */
    String address() {
        return address;
    }

    @Override
    public void close() {
        server.close();
    }
}
