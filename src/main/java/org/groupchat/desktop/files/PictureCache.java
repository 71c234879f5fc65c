package org.groupchat.desktop.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The profile's folder of fetched pictures (named by their SHA-256, so any one can be fetched again): kept under a
 * size by dropping the pictures shown least recently. A picture's modification time is when it was last shown.
 * Blocking: call it in the background.
 */
final class PictureCache {
    /** About 2,000 phone photos; past it the oldest go first. */
    static final long MOST_BYTES = 512L * 1024 * 1024;

    private PictureCache() {}

    /** Notes that {@code picture} was shown now. */
    static void used(Path picture) {
        try {
            Files.setLastModifiedTime(picture, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // it only goes sooner when the cache is trimmed
        }
    }

    /** Deletes the least recently shown pictures of {@code folder} until it holds at most {@code mostBytes}, never {@code keep}. */
    static void trim(Path folder, long mostBytes, Path keep) throws IOException {
        List<Cached> pictures = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(".")) {
                    continue; // a download under way
                }
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    pictures.add(new Cached(file, attributes.size(), attributes.lastModifiedTime()));
                }
            }
        }
        long held = pictures.stream().mapToLong(Cached::size).sum();
        pictures.sort(Comparator.comparing(Cached::shown));
        for (Cached oldest : pictures) {
            if (held <= mostBytes) {
                return;
            }
            if (!oldest.file().equals(keep) && Files.deleteIfExists(oldest.file())) {
                held -= oldest.size();
            }
        }
    }

    private record Cached(Path file, long size, FileTime shown) {}
}
