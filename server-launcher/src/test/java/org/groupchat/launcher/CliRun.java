package org.groupchat.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of {@code groupchat-servers.jar client ...} as a separate process: exit code, stdout, stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> withClient = new ArrayList<>(List.of("client"));
        withClient.addAll(List.of(args));
        return runCommand(workDir, stdin, withClient);
    }

    /** {@code groupchat-servers.jar ARGS} itself, such as {@code backup ...}, run to its end. */
    static CliRun runServers(Path workDir, String... args) throws IOException, InterruptedException {
        return runCommand(workDir, null, List.of(args));
    }

    private static CliRun runCommand(Path workDir, String stdin, List<String> withClient)
            throws IOException, InterruptedException {
        List<String> args = withClient;
        Process process = new ProcessBuilder(ServerProcess.javaCommand(workDir, withClient))
                .directory(workDir.toFile())
                .start();
        process.getOutputStream().write(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("client did not finish within 60 s: " + List.of(args));
        }
        return new CliRun(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
