package org.groupchat.launcher;

/** Every exit code of {@code groupchat-servers} and its subcommands, as docs/OPERATIONS.md lists them. */
public enum ExitCode {
    OK(0),
    /** A server answered with an error reply. */
    SERVER_REFUSED(1),
    /** Bad flags, config file, keys or data folder: nothing was started. */
    BAD_SETUP(2),
    /** No server answered, or its handshake refused ours. */
    UNREACHABLE(3),
    /** A server started here stopped by itself while running. */
    SERVER_FAILED(4),
    /** A server's reply broke the protocol. */
    PROTOCOL_VIOLATION(5),
    /** A failure nobody planned for: a bug (sysexits' EX_SOFTWARE). */
    SOFTWARE(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
