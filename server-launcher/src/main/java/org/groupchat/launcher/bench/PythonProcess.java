package org.groupchat.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the pyzmq scripts shipped in this jar (from the repository's bench/ folder), run with a Python that has
 * pyzmq (Debian: python3-zmq). A server script prints its endpoint first and stops when its stdin closes.
 */
final class PythonProcess implements AutoCloseable {
    static final String CLIENTS_SCRIPT = "libzmq_bench.py";
    static final String GROUP_SERVER_SCRIPT = "python_group_server.py";

    private final Process process;
    private final String endpoint;

    private PythonProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a server script (the libzmq echo, the Python group server) and waits for the endpoint it prints. */
    static PythonProcess startServer(String python, Path folder, String script, String... args) {
        List<String> command = command(python, folder, script, args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line == null || !line.startsWith("tcp://")) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command)
                        + " did not print its endpoint (is pyzmq installed?" + " Debian: apt-get install python3-zmq)");
            }
            return new PythonProcess(process, line.trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + python + " (set --python)", e);
        }
    }

    /** Runs a script to its end and returns what it printed on stdout; its stderr goes to ours. */
    static String run(String python, Path folder, String script, String... args) throws InterruptedException {
        List<String> command = command(python, folder, script, args);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed with exit code " + process.exitValue());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + python + " (set --python)", e);
        }
    }

    private static List<String> command(String python, Path folder, String script, String... args) {
        List<String> command =
                new ArrayList<>(List.of(python, extract(folder, script).toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static Path extract(Path folder, String script) {
        Path file = folder.resolve(script);
        try (InputStream in = PythonProcess.class.getResourceAsStream("/bench/" + script)) {
            if (in == null) {
                throw new IllegalStateException("bench/" + script + " is missing from this jar");
            }
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
