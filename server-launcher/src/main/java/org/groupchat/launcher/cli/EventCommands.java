package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.util.List;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The client's commands for protocol 1.4's events: each appends one event to the group's log and says what it stored. */
final class EventCommands {
    private EventCommands() {}

    /** Prints what was stored, as {@code fetch} shows it. */
    static void stored(PrintWriter out, Message event) {
        out.println("stored " + MessageFormat.line(event, false));
    }

    /** A seq given on the command line: 1 or more. */
    static long seq(long value, String what) {
        if (value < 1) {
            throw new UsageProblem(what + " must be a message's sequence number, 1 or more; got " + value);
        }
        return value;
    }

    /** A member's user id, or a member's name (looked up with MEMBERS, ignoring case). */
    static String userId(GroupClient groupClient, String given) {
        try {
            return Fields.uuid(given, "USER");
        } catch (ProtocolException notAnId) {
            List<Member> named = groupClient.members().stream()
                    .filter(m -> m.name().equalsIgnoreCase(given))
                    .toList();
            if (named.size() == 1) {
                return named.get(0).id();
            }
            throw new UsageProblem(
                    named.isEmpty()
                            ? "no member of the group is called \"" + given + "\"; give a user id"
                            : "several members are called \"" + given + "\"; give a user id");
        }
    }

    @Command(name = "edit", description = "Replace the text of your message SEQ with TEXT (an \"edit\" event).")
    static final class Edit extends GroupCommand {
        @Parameters(index = "1", paramLabel = "SEQ")
        long seq;

        @Parameters(index = "2..*", paramLabel = "TEXT", arity = "1..*")
        List<String> words;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            stored(out, groupClient.edit(seq(seq, "SEQ"), String.join(" ", words)));
        }
    }

    @Command(
            name = "delete",
            description = "Delete your message SEQ (a \"delete\" event; others see \"message deleted\").")
    static final class Delete extends GroupCommand {
        @Parameters(index = "1", paramLabel = "SEQ")
        long seq;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            stored(out, groupClient.delete(seq(seq, "SEQ")));
        }
    }

    @Command(name = "react", description = "React to message SEQ with EMOJI; --undo takes your reaction back.")
    static final class React extends GroupCommand {
        @Parameters(index = "1", paramLabel = "SEQ")
        long seq;

        @Parameters(index = "2", paramLabel = "EMOJI")
        String emoji;

        @Option(names = "--undo", description = "Take back your EMOJI reaction to SEQ.")
        boolean undo;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            long target = seq(seq, "SEQ");
            stored(out, undo ? groupClient.unreact(target, emoji) : groupClient.react(target, emoji));
        }
    }

    @Command(name = "remove", description = "As an owner, remove message SEQ of any member (needs a secure group).")
    static final class Remove extends GroupCommand {
        @Parameters(index = "1", paramLabel = "SEQ")
        long seq;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            stored(out, groupClient.remove(seq(seq, "SEQ")));
        }
    }

    @Command(
            name = "kick",
            description =
                    "As an owner, remove USER (a user id or a member's name) from the group;" + " they may join again.")
    static final class Kick extends GroupCommand {
        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            stored(out, groupClient.moderate(EventKind.KICK, userId(groupClient, user)));
        }
    }

    @Command(
            name = "ban",
            description = "As an owner, ban USER (a user id or a member's name): removed, and refused"
                    + " until unbanned; --undo lifts the ban.")
    static final class Ban extends GroupCommand {
        @Parameters(index = "1", paramLabel = "USER")
        String user;

        @Option(names = "--undo", description = "Lift the ban on USER (give the user id: a banned user is no member).")
        boolean undo;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            stored(out, groupClient.moderate(undo ? EventKind.UNBAN : EventKind.BAN, userId(groupClient, user)));
        }
    }

    @Command(name = "mark-read", description = "Mark the group read up to SEQ; the server keeps the furthest mark.")
    static final class MarkRead extends GroupCommand {
        @Parameters(index = "1", paramLabel = "SEQ")
        long seq;

        @Override
        void run(GroupClient groupClient, PrintWriter out) {
            if (seq < 0) {
                throw new UsageProblem("SEQ must not be negative; got " + seq);
            }
            out.println("read up to #" + groupClient.markRead(seq));
        }
    }
}
