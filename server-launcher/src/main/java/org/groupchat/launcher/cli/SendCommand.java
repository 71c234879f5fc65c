package org.groupchat.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Sends one message, from the arguments or, without them, from standard input (several lines allowed). */
@Command(
        name = "send",
        description = {
            "Send a message: the TEXT words, or standard input when no TEXT is given.",
            "Retrying with the same --id never stores the message twice."
        })
final class SendCommand extends GroupCommand {
    @Parameters(index = "1..*", paramLabel = "TEXT")
    List<String> words;

    @Option(names = "--id", paramLabel = "UUID", description = "The message id (default: a new random UUID).")
    String messageId;

    @Option(names = "--reply-to", paramLabel = "SEQ", description = "Send it as a reply to message SEQ.")
    Long replyTo;

    @Option(
            names = "--mention",
            paramLabel = "USER",
            description = "Mention this member (a user id or a member's name); repeatable.")
    List<String> mentions;

    @Override
    void run(GroupClient groupClient, PrintWriter out) throws IOException {
        String text = words == null || words.isEmpty()
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : String.join(" ", words);
        // Servers refuse carriage returns (PROTOCOL.md 1.1): Windows line ends become newlines.
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw new UsageProblem("nothing to send: give TEXT or pipe it in");
        }
        String id = messageId != null ? messageId : UUID.randomUUID().toString();
        Message sent;
        if (replyTo == null && mentions == null) {
            sent = groupClient.send(id, text);
        } else {
            List<String> mentioned = mentions == null
                    ? List.of()
                    : mentions.stream()
                            .map(m -> EventCommands.userId(groupClient, m))
                            .distinct()
                            .toList();
            sent = groupClient.send(
                    id, text, replyTo == null ? null : EventCommands.seq(replyTo, "--reply-to"), mentioned);
        }
        out.printf("sent #%d at %s%n", sent.seq(), MessageFormat.localTime(sent.ts()));
    }
}
