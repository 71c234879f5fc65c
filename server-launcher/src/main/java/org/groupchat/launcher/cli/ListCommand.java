package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.groupchat.launcher.ExitCode;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.security.PublicKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints the live groups. */
@Command(name = "list", description = "List the live groups.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per group.")
    boolean json;

    @Override
    public Integer call() {
        List<GroupInfo> groups = client.registries().list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            groups.forEach(g -> out.println(TerminalText.json(g)));
        } else if (groups.isEmpty()) {
            out.println("no live groups");
        } else {
            int width = groups.stream()
                    .mapToInt(g -> TerminalText.line(g.name()).length())
                    .max()
                    .orElse(4);
            int endpointWidth = groups.stream()
                    .mapToInt(g -> TerminalText.line(g.endpoint()).length())
                    .max()
                    .orElse(8);
            String row = "%-" + width + "s  %7s  %6s  %8s  %-" + endpointWidth + "s  %s%n";
            out.printf(row, "NAME", "MEMBERS", "ONLINE", "LAST", "ENDPOINT", "KEY FINGERPRINT");
            for (GroupInfo g : groups) {
                out.printf(
                        row,
                        TerminalText.line(g.name()),
                        g.members(),
                        g.online(),
                        g.lastSeq(),
                        TerminalText.line(g.endpoint()),
                        g.secure() ? PublicKeys.fingerprint(g.publicKey()) : "none (no security)");
            }
        }
        return ExitCode.OK.code();
    }
}
