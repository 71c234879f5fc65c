package org.groupchat.launcher.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groupchat.protocol.Json;

/** The figures of one bench run, printed as a table for people or as JSON for scripts. */
final class BenchReport {
    private static final double STORE_TARGET = 0.5;
    static final String SMOKE_NOTE =
            "SMOKE RUN (--smoke): tiny sizes and short runs to check that every scenario works;"
                    + " the figures are not measurements and the targets do not apply. Run without --smoke for real figures.";
    private final List<Figure> figures = new ArrayList<>();
    private final Instant started = Instant.now();
    private final boolean smoke;

    BenchReport(boolean smoke) {
        this.smoke = smoke;
    }

    synchronized void add(Figure figure) {
        figures.add(figure);
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    /**
     * Adds, for each send throughput measured on both stores, PostgreSQL's figure with SQLite's as its baseline; the
     * issue's target is PostgreSQL at 32 clients at least half of SQLite in the same run.
     */
    synchronized void compareStores() {
        List<Figure> added = new ArrayList<>();
        for (Figure sqlite : figures) {
            if (!sqlite.scenario().equals("send") || !sqlite.name().endsWith(" throughput")) {
                continue;
            }
            for (Figure postgres : figures) {
                if (postgres.scenario().equals("send postgresql")
                        && postgres.name().equals(sqlite.name())) {
                    boolean targeted = sqlite.name().startsWith("C=32 ");
                    double ratio = postgres.value() / sqlite.value();
                    added.add(new Figure(
                            "send postgresql",
                            sqlite.name() + " vs SQLite",
                            sqlite.unit(),
                            postgres.value(),
                            sqlite.value(),
                            targeted ? ">= " + STORE_TARGET + "x SQLite" : "",
                            targeted ? ratio >= STORE_TARGET : null));
                }
            }
        }
        figures.addAll(added);
    }

    static String machine() {
        return String.format(
                Locale.ROOT,
                "%d cores, Java %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    void printTable(PrintWriter out) {
        out.printf("GroupChat bench, %s, on %s%n", started, machine());
        if (smoke) {
            out.println(SMOKE_NOTE);
        }
        String format = "%-18s %-44s %-7s %12s %12s %7s  %-22s %s%n";
        out.printf(format, "scenario", "figure", "better", "value", "baseline", "ratio", "target", "met");
        for (Figure f : figures()) {
            out.printf(
                    format,
                    f.scenario(),
                    f.name() + " (" + f.unit() + ")",
                    f.better(),
                    number(f.value()),
                    number(f.baseline()),
                    Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", f.ratio()),
                    f.target(),
                    smoke || f.met() == null ? "" : f.met() ? "yes" : "NO");
        }
        out.flush();
    }

    void printJson(PrintWriter out) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("started", started.toString());
        root.put("machine", machine());
        root.put("smoke", smoke);
        if (smoke) {
            root.put("note", SMOKE_NOTE);
        }
        ArrayNode rows = root.putArray("figures");
        for (Figure f : figures()) {
            ObjectNode row = rows.addObject();
            row.put("scenario", f.scenario());
            row.put("figure", f.name());
            row.put("unit", f.unit());
            row.put("better", f.better());
            putNumber(row, "value", f.value());
            putNumber(row, "baseline", f.baseline());
            putNumber(row, "ratio", f.ratio());
            row.put("target", f.target());
            if (!smoke && f.met() != null) {
                row.put("met", f.met());
            }
        }
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static void putNumber(ObjectNode row, String field, double value) {
        if (Double.isNaN(value)) {
            row.putNull(field);
        } else {
            row.put(field, Math.round(value * 1000) / 1000.0);
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.3f", value);
    }
}
