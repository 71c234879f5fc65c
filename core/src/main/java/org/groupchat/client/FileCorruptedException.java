package org.groupchat.client;

import org.groupchat.protocol.FileInfo;

/** A downloaded file whose bytes do not match the SHA-256 its file event announced; it was not put in place. */
public final class FileCorruptedException extends RuntimeException {
    public FileCorruptedException(FileInfo file, String actualSha256) {
        super("the download of \"" + file.name() + "\" does not match its SHA-256 (expected " + file.sha256() + ", got "
                + actualSha256 + "); it was not saved");
    }
}
