package org.groupchat.launcher;

import org.groupchat.client.HandshakeRefusedException;
import org.groupchat.client.ServerErrorException;
import org.groupchat.client.ServerUnreachableException;
import org.groupchat.group.StorageException;
import org.groupchat.security.KeyFileException;
import org.groupchat.server.ServerStartException;
import picocli.CommandLine;

/** Turns an expected failure into one clear line on stderr and an exit code, never a stack trace. */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int SERVER_REFUSED = 1;
    public static final int BAD_SETUP = 2;
    public static final int UNREACHABLE = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String name = commandLine.getCommandSpec().root().name();
        if (e instanceof ServerErrorException refused) {
            commandLine.getErr().println(name + ": " + refused.code() + ": " + refused.getMessage());
            return SERVER_REFUSED;
        }
        if (e instanceof HandshakeRefusedException refused) {
            commandLine.getErr().println(name + ": " + refused.getMessage());
            return UNREACHABLE;
        }
        if (e instanceof ServerUnreachableException unreachable) {
            commandLine.getErr().println(name + ": " + unreachable.getMessage() + "; is the server running?");
            return UNREACHABLE;
        }
        if (e instanceof ServerStartException || e instanceof UsageProblem || e instanceof StorageException
                || e instanceof KeyFileException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println(name + ": " + e.getMessage());
            return BAD_SETUP;
        }
        commandLine.getErr().println(name + ": unexpected failure: " + e);
        e.printStackTrace(commandLine.getErr());
        return 70;
    }
}
