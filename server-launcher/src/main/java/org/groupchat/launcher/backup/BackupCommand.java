package org.groupchat.launcher.backup;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.groupchat.group.GroupBackup;
import org.groupchat.launcher.ExitCode;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code groupchat-servers backup --data-dir D --to DIR}: a consistent copy of every group while the servers serve. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Copies every group's SQLite database (and the keys folder) while the servers keep serving.",
            "Each copy is one consistent moment of its group (SQLite's VACUUM INTO). Files are made readable by their",
            "owner only. For PostgreSQL (--database), back up with pg_dump instead; see docs/OPERATIONS.md."
        })
public final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "The servers' data folder.")
    Path dataDir;

    @Option(
            names = "--to",
            paramLabel = "DIR",
            required = true,
            description = "Where the copies go (created 0700); it must not hold a copy of the same group already.")
    Path to;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> databases = BackupFolders.databases(dataDir);
        if (databases.isEmpty()) {
            throw new UsageProblem("no group databases (*.db) in " + dataDir);
        }
        BackupFolders.ownerOnlyFolder(to);
        for (Path database : databases) {
            Path copy = to.resolve(database.getFileName());
            if (Files.exists(copy)) {
                throw new UsageProblem(copy + " exists already: back up into a new folder");
            }
        }
        for (Path database : databases) {
            Path copy = to.resolve(database.getFileName());
            GroupBackup.backup(database, copy);
            out.printf("backed up %s -> %s%n", database, copy);
        }
        int keys = BackupFolders.copyMissingKeys(dataDir.resolve(BackupFolders.KEYS), to.resolve(BackupFolders.KEYS));
        out.printf("%d group(s) and %d key file(s) in %s%n", databases.size(), keys, to);
        return ExitCode.OK.code();
    }
}
