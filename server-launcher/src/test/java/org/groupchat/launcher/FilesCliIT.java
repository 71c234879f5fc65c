package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client send-file} and {@code client get-file} against real server processes, as a user runs them. */
class FilesCliIT {
    private static final Pattern FILE_ID = Pattern.compile("file id: ([0-9a-f-]{36})");

    @TempDir
    Path work;

    @Test
    void aFileSentByOneUserIsFetchedByAnotherVerifiedAndNeverOverwritesALocalFile() throws Exception {
        String registry = FreePorts.endpoint();
        byte[] content = new byte[400_000];
        new Random(3).nextBytes(content);
        Files.write(work.resolve("slides.pdf"), content);
        Path downloads = Files.createDirectories(work.resolve("downloads"));
        Files.writeString(downloads.resolve("slides.pdf"), "an older file of the same name");
        try (ServerProcess servers = ServerProcess.startReady(
                work, "--registry-bind", registry, "--group", "Team=" + FreePorts.endpoint(), "--data-dir", "data")) {
            assertThat(cli(registry, "alice.json", "Alice", "join", "Team").exitCode())
                    .isZero();
            assertThat(cli(registry, "bob.json", "Bob", "join", "Team").exitCode())
                    .isZero();
            CliRun sent = cli(registry, "alice.json", "Alice", "send-file", "Team", "slides.pdf");
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            assertThat(sent.out()).contains("Alice shared a file: slides.pdf (400.0 kB)");
            Matcher id = FILE_ID.matcher(sent.out());
            assertThat(id.find()).isTrue();

            CliRun fetched = cli(registry, "bob.json", "Bob", "fetch", "Team");
            assertThat(fetched.out()).contains("shared a file: slides.pdf").contains(id.group(1));
            CliRun got = cli(registry, "bob.json", "Bob", "get-file", "Team", id.group(1), "--to", "downloads");
            assertThat(got.exitCode()).as(got.err()).isZero();
            assertThat(got.out()).contains("slides (1).pdf");
            assertThat(Files.readAllBytes(downloads.resolve("slides (1).pdf"))).isEqualTo(content);
            assertThat(Files.readString(downloads.resolve("slides.pdf"))).isEqualTo("an older file of the same name");

            CliRun nowhere =
                    cli(registry, "bob.json", "Bob", "get-file", "Team", "00000000-0000-4000-8000-000000000000");
            assertThat(nowhere.exitCode()).isEqualTo(1);
            assertThat(nowhere.err()).contains("this group has no file 00000000-0000-4000-8000-000000000000");
        }
    }

    private CliRun cli(String registry, String identity, String name, String... args) throws Exception {
        String[] all = new String[6 + args.length];
        all[0] = "--registry";
        all[1] = registry;
        all[2] = "--identity";
        all[3] = identity;
        all[4] = "--name";
        all[5] = name;
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.run(work, null, all);
    }
}
