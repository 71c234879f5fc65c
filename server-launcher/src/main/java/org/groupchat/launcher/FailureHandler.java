package org.groupchat.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.groupchat.client.HandshakeRefusedException;
import org.groupchat.client.ProtocolViolationException;
import org.groupchat.client.ServerErrorException;
import org.groupchat.client.ServerUnreachableException;
import org.groupchat.group.StorageException;
import org.groupchat.launcher.cli.TerminalText;
import org.groupchat.security.KeyFileException;
import org.groupchat.server.ServerStartException;
import picocli.CommandLine;

/**
 * Turns an expected failure into one clear line on stderr and an exit code, never a stack trace. Every line is
 * escaped: a server's error message is the server's text.
 */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String name = commandLine.getCommandSpec().root().name();
        PrintWriter err = commandLine.getErr();
        if (e instanceof ProtocolViolationException broken) {
            say(err, name + ": " + broken.getMessage());
            return ExitCode.PROTOCOL_VIOLATION.code();
        }
        if (e instanceof ServerErrorException refused) {
            say(err, name + ": " + refused.code() + ": " + refused.getMessage());
            return ExitCode.SERVER_REFUSED.code();
        }
        if (e instanceof HandshakeRefusedException refused) {
            say(err, name + ": " + refused.getMessage());
            return ExitCode.UNREACHABLE.code();
        }
        if (e instanceof ServerUnreachableException unreachable) {
            say(err, name + ": " + unreachable.getMessage() + "; is the server running?");
            return ExitCode.UNREACHABLE.code();
        }
        if (e instanceof ServerStartException
                || e instanceof UsageProblem
                || e instanceof StorageException
                || e instanceof KeyFileException
                || e instanceof IllegalArgumentException) {
            say(err, name + ": " + e.getMessage());
            return ExitCode.BAD_SETUP.code();
        }
        say(err, name + ": unexpected failure: " + e);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.print(TerminalText.text(trace.toString()));
        err.flush();
        return ExitCode.SOFTWARE.code();
    }

    private static void say(PrintWriter err, String line) {
        err.println(TerminalText.line(line));
    }
}
