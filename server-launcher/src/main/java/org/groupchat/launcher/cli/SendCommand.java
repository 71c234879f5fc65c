package org.groupchat.launcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Sends one message, from the arguments or, without them, from standard input (several lines allowed). */
@Command(name = "send", description = {"Send a message: the TEXT words, or standard input when no TEXT is given.",
    "Retrying with the same --id never stores the message twice."})
final class SendCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GROUP")
    String group;

    @Parameters(index = "1..*", paramLabel = "TEXT")
    List<String> words;

    @Option(names = "--id", paramLabel = "UUID", description = "The message id (default: a new random UUID).")
    String messageId;

    @Override
    public Integer call() throws IOException {
        String text = words == null || words.isEmpty()
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : String.join(" ", words);
        if (text.isBlank()) {
            throw new UsageProblem("nothing to send: give TEXT or pipe it in");
        }
        try (GroupClient groupClient = client.groupClient(group)) {
            Message sent = groupClient.send(messageId != null ? messageId : UUID.randomUUID().toString(), text);
            spec.commandLine().getOut().printf("sent #%d at %s%n", sent.seq(), MessageFormat.localTime(sent.ts()));
        }
        return 0;
    }
}
