package org.groupchat.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** groupchat-servers.jar run as a real child process, with its output collected line by line. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    private ServerProcess(Process process) {
        this.process = process;
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    static Path jar() {
        return Path.of(System.getProperty("groupchat.serversJar", "target/groupchat-servers.jar"));
    }

    static List<String> javaCommand(Path workDir, List<String> args) {
        return javaCommand(List.of(), args);
    }

    static List<String> javaCommand(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(args);
        return command;
    }

    static ServerProcess start(Path workDir, String... args) {
        try {
            return new ServerProcess(new ProcessBuilder(javaCommand(workDir, List.of(args)))
                    .directory(workDir.toFile())
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts behind a command prefix, such as {@code ip netns exec NS}, to run in another network namespace. */
    static ServerProcess startWithPrefix(Path workDir, List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(javaCommand(workDir, List.of(args)));
        try {
            return new ServerProcess(
                    new ProcessBuilder(command).directory(workDir.toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts with these environment variables added to (or, with a null value, removed from) the inherited ones. */
    static ServerProcess startWithEnvironment(Path workDir, Map<String, String> environment, String... args) {
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(javaCommand(workDir, List.of(args))).directory(workDir.toFile());
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            return new ServerProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts with JVM options (such as a small -Xmx) and waits until the launcher says it is ready. */
    static ServerProcess startReadyWith(Path workDir, List<String> jvmOptions, String... args) {
        try {
            ServerProcess server = new ServerProcess(new ProcessBuilder(javaCommand(jvmOptions, List.of(args)))
                    .directory(workDir.toFile())
                    .start());
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts and waits until the launcher says it is ready. */
    static ServerProcess startReady(Path workDir, String... args) {
        ServerProcess server = start(workDir, args);
        server.awaitReady();
        return server;
    }

    void awaitReady() {
        Awaitility.await("launcher ready")
                .atMost(Duration.ofSeconds(20))
                .until(() -> out.contains("ready; stop with Ctrl-C or SIGTERM") || !process.isAlive());
        if (!out.contains("ready; stop with Ctrl-C or SIGTERM")) {
            throw new AssertionError("launcher did not start: " + err);
        }
    }

    private static void collect(InputStream stream, List<String> into) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            into.add(line);
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                },
                "process-output");
        reader.setDaemon(true);
        reader.start();
    }

    List<String> out() {
        return out;
    }

    List<String> err() {
        return err;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, then the exit code. Not Process.destroy(): it also closes our end of the child's output. */
    int terminate() throws IOException, InterruptedException {
        signal("TERM");
        return waitFor();
    }

    /** SIGKILL (kill -9), then waits until the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        waitFor();
    }

    void signal(String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (rc != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("process did not exit within 30 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
