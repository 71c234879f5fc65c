package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.groupchat.testing.FuzzedReplies;
import org.groupchat.testing.HostileServer;
import picocli.CommandLine;

/**
 * The command-line client's commands against a hostile registry and group (one ROUTER on a real socket answering
 * with generated and mutated replies): every command ends in time with a documented exit code, never an unexpected
 * failure, and nothing it prints holds a raw control character. Each command run opens a fresh connection, which
 * costs a JeroMQ handshake (and 1 in 60 of those stalls for a second, ARCHITECTURE.md), so most replies reach the
 * CLI through {@code fetch --follow}: 100 runs of 100 hostile pages each, on one connection per run.
 */
class CliFuzzTest {
    private static final int NO_REPLY_ONE_IN = 2_000;
    private static final long HANG_SECONDS = 20;
    private static final int FOLLOWED_PAGES = 100;
    private static final AtomicReference<Function<JsonNode, List<byte[]>>> ANSWER = new AtomicReference<>();
    private static final AtomicLong[] EXITS = new AtomicLong[6];

    private static HostileServer server;
    private static ExecutorService runner;
    private static Path identity;
    private static long startNanos;
    private static CommandLine cli;

    @BeforeContainer
    static void startHostileServer() throws IOException {
        server = new HostileServer(request -> ANSWER.get().apply(request));
        cli = ServersMain.commandLine();
        runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzzed-cli"));
        identity = Files.createTempDirectory("cli-fuzz").resolve("alice.json");
        for (int i = 0; i < EXITS.length; i++) {
            EXITS[i] = new AtomicLong();
        }
        startNanos = System.nanoTime();
    }

    @AfterContainer
    static void stopHostileServer() throws Exception {
        System.out.printf(
                "CLI fuzz: %d replies in %.1f s; exit codes 0: %d, 1: %d, 2: %d, 3: %d, 5: %d%n",
                server.replies(),
                (System.nanoTime() - startNanos) / 1e9,
                EXITS[0].get(),
                EXITS[1].get(),
                EXITS[2].get(),
                EXITS[3].get(),
                EXITS[5].get());
        runner.shutdown();
        server.close();
    }

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void everyCommandEndsWithADocumentedExitCodeAndPrintsNothingRaw(@ForAll long seed) throws Exception {
        FuzzedReplies replies = new FuzzedReplies(seed, server.endpoint(), NO_REPLY_ONE_IN);
        ANSWER.set(replies::answer);
        runAndCheck(command(new Random(seed)));
    }

    /** Valid pages full of control and bidi characters, then one fuzzed reply, then one that is not JSON to end it. */
    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void followPrintsEveryHostilePageEscapedUntilAReplyBreaksTheProtocol(@ForAll long seed) throws Exception {
        FuzzedReplies replies = new FuzzedReplies(seed, server.endpoint(), 0);
        AtomicLong answered = new AtomicLong();
        ANSWER.set(request -> {
            long n = answered.incrementAndGet();
            return n < FOLLOWED_PAGES
                    ? replies.fittingWithMessages(request)
                    : n == FOLLOWED_PAGES ? replies.answer(request) : List.of("bye".getBytes(StandardCharsets.UTF_8));
        });
        CliRun run = runAndCheck(List.of("fetch", server.endpoint(), "--follow"));
        assertThat(run.out().lines().filter(l -> l.startsWith("#")).count())
                .as("messages printed; err: %s", run.err())
                .isGreaterThanOrEqualTo(FOLLOWED_PAGES - 1);
    }

    /** Runs the client in this JVM on one thread; returns what it printed after checking all of it. */
    private static CliRun runAndCheck(List<String> command) throws Exception {
        // --timeout-ms: longer than the 1 s after which a stalled JeroMQ handshake is redialled.
        List<String> args = new ArrayList<>(List.of(
                "client",
                "--registry",
                server.endpoint(),
                "--identity",
                identity.toString(),
                "--name",
                "Alice",
                "--timeout-ms",
                "3000",
                "--retries",
                "0"));
        args.addAll(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> run = runner.submit(() -> {
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args.toArray(String[]::new));
        });
        int exit;
        try {
            exit = run.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("client " + args + " did not end within " + HANG_SECONDS + " s");
        } catch (ExecutionException e) {
            throw new AssertionError("client " + args + " threw", e.getCause());
        }
        assertThat(server.failure()).as("the hostile server's own failure").isNull();
        assertThat(exit).as("exit code of %s; err: %s", args, err).isIn(0, 1, 2, 3, 5);
        assertThat(err.toString()).as("err of %s", args).doesNotContain("unexpected failure");
        RawControls.assertNone(out.toString());
        RawControls.assertNone(err.toString());
        assertThat(err.toString().strip()).as("one line on stderr at most").doesNotContain("\n");
        EXITS[exit].incrementAndGet();
        return new CliRun(exit, out.toString(), err.toString());
    }

    private static List<String> command(Random random) {
        String group = random.nextInt(4) == 0 ? "Alpha" : server.endpoint();
        return switch (random.nextInt(10)) {
            case 0 -> List.of("list");
            case 1 -> List.of("list", "--json");
            case 2 -> List.of("ping");
            case 3 -> List.of("join", group);
            case 4 -> List.of("leave", group);
            case 5 -> List.of("send", group, "hello");
            case 6 -> List.of("fetch", group, "--json");
            case 7 -> List.of("fetch", group, "--since", "0");
            case 8 -> List.of("members", group);
            default -> List.of("fetch", group);
        };
    }
}
