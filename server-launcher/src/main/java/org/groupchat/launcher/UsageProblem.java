package org.groupchat.launcher;

/** A flag, file or folder given by the user cannot be used; the message says which and why. */
public class UsageProblem extends RuntimeException {
    public UsageProblem(String message) {
        super(message);
    }
}
