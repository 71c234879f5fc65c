package org.groupchat.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server run as a child JVM from this jar, so its CPU time (from /proc) and heap (from jcmd) are its own and
 * not the load generator's.
 */
final class ChildJvm implements AutoCloseable {
    private static final int CLOCK_TICKS_PER_SECOND = 100;
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$", Pattern.MULTILINE);

    private final Process process;
    private final long startedNanos;

    private ChildJvm(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code mainClass} from this jar's class path with the given heap limit; its output is discarded. */
    static ChildJvm start(String maxHeap, String mainClass, List<String> args) {
        return start(maxHeap, List.of(), mainClass, args);
    }

    /** The same, with these JVM options before the class path. */
    static ChildJvm start(String maxHeap, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Xmx" + maxHeap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        try {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new ChildJvm(process, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** User plus system CPU time the process has used so far, in seconds (Linux /proc). */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 of proc(5), so utime (14) and stime (15) are at 11 and 12.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + process.pid(), e);
        }
    }

    /** Live heap after a full collection, in MB, from {@code jcmd GC.class_histogram}; NaN without a JDK's jcmd. */
    double liveHeapMb() {
        Path jcmd = Path.of(java()).resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Double.NaN;
        }
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            run.waitFor(60, TimeUnit.SECONDS);
            Matcher total = HISTOGRAM_TOTAL.matcher(output);
            return total.find() ? Long.parseLong(total.group(1)) / 1_048_576.0 : Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** SIGTERM (a clean stop for the launcher), then kill if it has not ended within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
