package org.groupchat.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.FileTransfer;
import org.groupchat.client.GroupClient;
import org.groupchat.group.files.FileTransfers;
import org.groupchat.launcher.ServersMain;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Issue 16's figures: upload and download of a 25 MiB file on loopback against a bare JeroMQ echo moving the same
 * 128 KiB chunks (both in child JVMs); another user's SEND p99 while a 25 MiB upload runs; and the group server's live
 * heap sampled during uploads of 2.5 and 25 MiB (it must not grow with the file's size).
 */
final class FilesScenario {
    private static final String HEAP = "256m";
    private static final double TARGET_RATIO = 0.5;
    private static final double TARGET_SEND_P99_MS = 20;
    /** Unmeasured round trips first, for the echo and the group alike: both JVMs compile for about 15 of them. */
    private static final int WARMUP_ROUNDS = 15;

    private static final int SMOKE_WARMUP_ROUNDS = 1;
    private static final int ROUNDS = 5;

    private FilesScenario() {}

    static void run(BenchTarget target, BenchReport report, boolean smoke, String javaOptions)
            throws InterruptedException {
        int size = smoke ? 2 * 1024 * 1024 : 25 * 1024 * 1024;
        Path work = null;
        try {
            work = Files.createTempDirectory("bench-files");
            double echoMbs;
            String echoEndpoint = IdleScenario.freeEndpoint();
            try (ChildJvm echo = ChildJvm.start(HEAP, EchoServer.class.getName(), List.of(echoEndpoint, "0"))) {
                FirstReply.millisSince(echo.startedNanos(), target.clients(), echoEndpoint);
                for (int round = 0; round < warmupRounds(smoke); round++) {
                    echoChunks(target.clients(), echoEndpoint, size);
                }
                double[] echoes = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    echoes[round] = echoChunks(target.clients(), echoEndpoint, size);
                }
                Arrays.sort(echoes);
                echoMbs = echoes[ROUNDS / 2];
            }
            String endpoint = IdleScenario.freeEndpoint();
            List<String> args = List.of(
                    "--group",
                    "bench-files=" + endpoint,
                    "--data-dir",
                    work.resolve("data").toString(),
                    "--send-rate",
                    "0",
                    "--max-uploads-per-user",
                    "10");
            try (ChildJvm group =
                    ChildJvm.start(HEAP, LaunchScenario.jvmOptions(javaOptions), ServersMain.class.getName(), args)) {
                FirstReply.millisSince(group.startedNanos(), target.clients(), endpoint);
                measure(target, report, work, endpoint, size, echoMbs, group, smoke);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(work);
        }
    }

    /** The run's files and group database (hundreds of MB) go when it ends. */
    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static void measure(
            BenchTarget target,
            BenchReport report,
            Path work,
            String endpoint,
            int size,
            double echoMbs,
            ChildJvm group,
            boolean smoke)
            throws IOException, InterruptedException {
        String mib = (size >> 20) + " MiB ";
        ClientOptions patient = ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(10));
        try (GroupClient uploader = new GroupClient(target.clients(), endpoint, user("uploader"), patient);
                GroupClient sender = new GroupClient(target.clients(), endpoint, user("sender"), patient)) {
            uploader.join();
            sender.join();
            FileTransfer files = new FileTransfer(uploader);
            Path downloads = Files.createDirectories(work.resolve("downloads"));
            double[] cold = roundTrip(files, file(work, "first.bin", size, 1), downloads);
            report.add(Figure.info("files", "first upload " + mib + "after the launch", "MB/s", cold[0], Double.NaN));
            report.add(Figure.info("files", "first download " + mib + "after the launch", "MB/s", cold[1], Double.NaN));
            for (int round = 1; round < warmupRounds(smoke); round++) {
                roundTrip(files, file(work, "warm.bin", size, 1 + round), downloads);
            }
            double[] uploads = new double[ROUNDS];
            double[] downloadRates = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                double[] rates = roundTrip(files, file(work, "big.bin", size, 100 + round), downloads);
                uploads[round] = rates[0];
                downloadRates[round] = rates[1];
            }
            Arrays.sort(uploads);
            Arrays.sort(downloadRates);
            double uploadMbs = uploads[ROUNDS / 2];
            double downloadMbs = downloadRates[ROUNDS / 2];
            String rounds = "median of " + ROUNDS + " after " + warmupRounds(smoke) + " unmeasured";
            report.add(ratio("upload " + mib + "(" + rounds + "; echo: same chunks, same rounds)", uploadMbs, echoMbs));
            report.add(ratio("download " + mib + "(" + rounds + ")", downloadMbs, echoMbs));

            double[] quiet = sendLatencies(sender, null, smoke ? 200 : 2_000);
            Path third = file(work, "during.bin", size, 3);
            double[] busy = sendLatencies(sender, () -> files.upload(third, FileTransfer.Progress.NONE), 0);
            report.add(Figure.atMost(
                    "files",
                    "SEND p99 while another user uploads " + mib,
                    "ms",
                    percentile(busy, 99),
                    percentile(quiet, 99),
                    TARGET_SEND_P99_MS));
            report.add(Figure.info(
                    "files",
                    "SEND p50 while another user uploads " + mib,
                    "ms",
                    percentile(busy, 50),
                    percentile(quiet, 50)));
            report.add(Figure.info("files", "SENDs measured during the upload", "count", busy.length, quiet.length));

            double resting = group.liveHeapMb();
            double small = peakHeapDuring(
                    group, () -> files.upload(file(work, "small.bin", size / 10, 4), FileTransfer.Progress.NONE));
            double large = peakHeapDuring(
                    group, () -> files.upload(file(work, "large.bin", size, 5), FileTransfer.Progress.NONE));
            report.add(Figure.info("files", "server live heap at rest", "MB", resting, Double.NaN));
            report.add(Figure.info(
                    "files",
                    "server live heap, peak during a " + (size / 10 >> 10) + " KiB upload",
                    "MB",
                    small,
                    Double.NaN));
            report.add(Figure.atMost(
                    "files", "server live heap, peak during a " + mib + "upload", "MB", large, small, small + 8));
        }
    }

    private static int warmupRounds(boolean smoke) {
        return smoke ? SMOKE_WARMUP_ROUNDS : WARMUP_ROUNDS;
    }

    /** Uploads {@code path} and downloads it again: {upload MB/s, download MB/s}. */
    private static double[] roundTrip(FileTransfer files, Path path, Path downloads) throws IOException {
        long size = Files.size(path);
        long started = System.nanoTime();
        Message event = files.upload(path, FileTransfer.Progress.NONE);
        double upload = size / 1e6 / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        Path copy = files.download(event.file().id(), downloads, FileTransfer.Progress.NONE);
        double download = size / 1e6 / ((System.nanoTime() - started) / 1e9);
        Files.delete(copy);
        return new double[] {upload, download};
    }

    /** The echo's MB/s for the file's chunks, sent as the upload sends them ([json, chunk]) and echoed back. */
    private static double echoChunks(ZContext context, String endpoint, int size) {
        ZMQ.Socket socket = context.createSocket(SocketType.REQ);
        try {
            ConnectingSockets.configure(socket);
            socket.connect(endpoint);
            byte[] chunk = new byte[FileTransfers.CHUNK_SIZE];
            new Random(7).nextBytes(chunk);
            long started = System.nanoTime();
            for (long offset = 0; offset < size; offset += chunk.length) {
                byte[] json = ("{\"op\":\"FILE_CHUNK\",\"fileId\":\"" + UUID.randomUUID() + "\",\"offset\":" + offset
                                + ",\"sha256\":\"" + "0".repeat(64) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                socket.sendMore(json);
                socket.send(chunk);
                socket.recv();
                while (socket.hasReceiveMore()) {
                    socket.recv();
                }
            }
            return size / 1e6 / ((System.nanoTime() - started) / 1e9);
        } finally {
            context.destroySocket(socket);
        }
    }

    /** SEND latencies in ms: {@code count} in a row, or for as long as {@code alongside} runs. */
    private static double[] sendLatencies(GroupClient sender, Runnable alongside, int count) {
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> other = alongside == null
                ? null
                : CompletableFuture.runAsync(alongside).whenComplete((r, e) -> running.set(false));
        List<Double> latencies = new ArrayList<>();
        while (other == null ? latencies.size() < count : running.get()) {
            long started = System.nanoTime();
            sender.send("while files move " + latencies.size());
            latencies.add((System.nanoTime() - started) / 1e6);
        }
        if (other != null) {
            other.join();
        }
        return latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The largest live heap of the server sampled (each sample a full collection) while {@code upload} runs. */
    private static double peakHeapDuring(ChildJvm group, Runnable upload) {
        CompletableFuture<Void> running = CompletableFuture.runAsync(upload);
        double peak = 0;
        do {
            peak = Math.max(peak, group.liveHeapMb());
        } while (!running.isDone());
        running.join();
        return peak;
    }

    private static Figure ratio(String name, double mbs, double echoMbs) {
        return new Figure(
                "files", name, "MB/s", mbs, echoMbs, ">= " + TARGET_RATIO + "x echo", mbs >= TARGET_RATIO * echoMbs);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static User user(String name) {
        return new User(UUID.randomUUID().toString(), name);
    }

    private static Path file(Path dir, String name, int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
