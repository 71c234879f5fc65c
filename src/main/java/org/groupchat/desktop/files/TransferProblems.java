package org.groupchat.desktop.files;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import org.groupchat.client.FileCorruptedException;
import org.groupchat.client.ServerErrorException;
import org.groupchat.client.ServerUnreachableException;

/** A transfer's failure as one sentence for the user. */
final class TransferProblems {
    private TransferProblems() {}

    static String explain(Throwable error) {
        if (error instanceof CancellationException) {
            return "Cancelled";
        }
        if (error instanceof ServerErrorException refused) {
            // the server's sentence (too large, over the group's storage, too many uploads at once) says it all
            return refused.getMessage();
        }
        if (error instanceof ServerUnreachableException) {
            return "The group server does not answer; try again when it is back (the transfer resumes where it stopped)";
        }
        if (error instanceof FileCorruptedException corrupted) {
            return corrupted.getMessage();
        }
        if (error instanceof UncheckedIOException io) {
            return io.getCause() == null ? io.getMessage() : io.getCause().getMessage();
        }
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
