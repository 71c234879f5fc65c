package org.groupchat.group.files;

import org.groupchat.protocol.FileInfo;

/**
 * One upload as stored: who began it, what it announced, how many bytes arrived ({@code stored}), whether its file
 * event is stored ({@code complete}) and when it last moved ({@code touchedMs}).
 */
public record Upload(
        String fileId,
        String uploaderId,
        String name,
        long size,
        String sha256,
        String mediaType,
        long stored,
        boolean complete,
        long touchedMs) {

    public FileInfo info() {
        return new FileInfo(fileId, name, size, sha256, mediaType);
    }

    /** True when {@code other} announces the same file (a resumed FILE_BEGIN). */
    public boolean announcesSame(Upload other) {
        return uploaderId.equals(other.uploaderId)
                && name.equals(other.name)
                && size == other.size
                && sha256.equals(other.sha256)
                && mediaType.equals(other.mediaType);
    }
}
