package org.groupchat.launcher.backup;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.groupchat.group.GroupBackup;
import org.groupchat.launcher.DatabaseOption;
import org.groupchat.launcher.ExitCode;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code groupchat-servers restore --from DIR --data-dir D}: puts a backup back, with the group servers stopped. Each
 * restored group gets a new history id, so clients that saw later messages start over instead of trusting their seqs.
 */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Puts the groups of a backup back into the data folder (stop their group servers first).",
            "Each restored group gets a new history id: clients then fetch its history again (PROTOCOL.md, history-id).",
            "Keys of the backup are copied only where the data folder has none. With --database (after restoring a",
            "pg_dump), gives every group in that database a new history id."
        })
public final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DIR", description = "A folder made by 'groupchat-servers backup'.")
    Path from;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The servers' data folder.")
    Path dataDir;

    @Option(
            names = "--database",
            paramLabel = "postgresql://USER@HOST:PORT/DBNAME",
            description = "A PostgreSQL database restored from a dump: renew its groups' history ids.")
    String database;

    @Option(names = "--database-password-file", paramLabel = "FILE", description = "The database password's file.")
    Path databasePasswordFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (database != null) {
            int groups = DatabaseOption.parse(database, databasePasswordFile).renewHistoryIds();
            out.printf("new history ids for %d group(s) in %s%n", groups, database);
            return ExitCode.OK.code();
        }
        if (from == null || dataDir == null) {
            throw new UsageProblem("restore needs --from DIR and --data-dir DIR (or --database URL)");
        }
        List<Path> copies = BackupFolders.databases(from);
        if (copies.isEmpty()) {
            throw new UsageProblem("no group databases (*.db) in " + from);
        }
        BackupFolders.ownerOnlyFolder(dataDir);
        for (Path copy : copies) {
            Path target = dataDir.resolve(copy.getFileName());
            String historyId = GroupBackup.restore(copy, target);
            out.printf("restored %s -> %s (new history id %s)%n", copy, target, historyId);
        }
        int keys = BackupFolders.copyMissingKeys(from.resolve(BackupFolders.KEYS), dataDir.resolve(BackupFolders.KEYS));
        out.printf("%d group(s) restored, %d key file(s) added; start the servers again%n", copies.size(), keys);
        return ExitCode.OK.code();
    }
}
