package org.groupchat.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Linux process's threads, open file descriptors and live heap: the old generation right after a full GC
 * (jcmd GC.run, then jstat), which new allocations do not blur.
 */
record ProcessVitals(int threads, int openFiles, long heapUsedKb) {

    static ProcessVitals of(long pid) throws IOException, InterruptedException {
        int threads = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:"))
                .mapToInt(line ->
                        Integer.parseInt(line.substring("Threads:".length()).trim()))
                .findFirst()
                .orElse(-1);
        int openFiles;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            openFiles = (int) fds.count();
        }
        jdkTool("jcmd", Long.toString(pid), "GC.run");
        String[] lines = jdkTool("jstat", "-gc", Long.toString(pid)).trim().split("\n");
        List<String> header = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        long oldUsedKb = (long) Double.parseDouble(values[header.indexOf("OU")]);
        return new ProcessVitals(threads, openFiles, oldUsedKb);
    }

    private static String jdkTool(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
