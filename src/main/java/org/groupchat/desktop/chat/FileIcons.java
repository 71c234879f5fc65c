package org.groupchat.desktop.chat;

import java.util.Locale;
import org.groupchat.protocol.FileInfo;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The icon of a file card, by the kind of file. */
final class FileIcons {
    private FileIcons() {}

    static Ikon of(FileInfo file) {
        String type = file.mediaType() == null ? "" : file.mediaType().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return MaterialDesignF.FILE_IMAGE_OUTLINE;
        }
        if (type.equals("application/pdf")) {
            return MaterialDesignF.FILE_PDF_BOX;
        }
        if (type.startsWith("text/")) {
            return MaterialDesignF.FILE_DOCUMENT_OUTLINE;
        }
        if (type.contains("zip") || type.contains("tar") || type.contains("compressed")) {
            return MaterialDesignF.FOLDER_ZIP_OUTLINE;
        }
        if (type.startsWith("video/")) {
            return MaterialDesignF.FILE_VIDEO_OUTLINE;
        }
        if (type.startsWith("audio/")) {
            return MaterialDesignF.FILE_MUSIC_OUTLINE;
        }
        return MaterialDesignF.FILE_OUTLINE;
    }
}
