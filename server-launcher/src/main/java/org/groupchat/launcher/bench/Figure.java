package org.groupchat.launcher.bench;

/**
 * One measured figure next to the same figure for the bare echo baseline of the same run. {@code baseline} is
 * NaN where the baseline has no such figure; {@code met} is null where the issue sets no target.
 */
public record Figure(
        String scenario, String name, String unit, double value, double baseline, String target, Boolean met) {

    /** Which way is good: throughputs and ratios of throughputs are better higher; times, memory and CPU lower. */
    public String better() {
        return unit.endsWith("/s") || unit.equals("x") ? "higher" : "lower";
    }

    public double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
    }

    static Figure info(String scenario, String name, String unit, double value, double baseline) {
        return new Figure(scenario, name, unit, value, baseline, "", null);
    }

    static Figure atMost(String scenario, String name, String unit, double value, double baseline, double limit) {
        return new Figure(
                scenario, name, unit, value, baseline, "<= " + BenchReport.number(limit) + " " + unit, value <= limit);
    }
}
