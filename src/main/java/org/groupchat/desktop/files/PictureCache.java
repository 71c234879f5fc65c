package org.groupchat.desktop.files;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    /**
     * Deletes the least recently shown pictures of {@code folder} until it holds at most {@code mostBytes}, never
     * {@code keep}. Never fails the fetch that called it: a file it cannot read or delete is passed over.
     */
    static void trim(Path folder, long mostBytes, Path keep) {
        List<Cached> pictures = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> !file.getFileName().toString().startsWith(".")) // a download under way
                    .forEach(file -> cached(file, pictures));
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        long held = pictures.stream().mapToLong(Cached::size).sum();
        pictures.sort(Comparator.comparing(Cached::shown));
        for (Cached oldest : pictures) {
            if (held <= mostBytes) {
                return;
            }
            if (!oldest.file().equals(keep) && deleted(oldest.file())) {
                held -= oldest.size();
            }
        }
    }

    private static void cached(Path file, List<Cached> pictures) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                pictures.add(new Cached(file, attributes.size(), attributes.lastModifiedTime()));
            }
        } catch (IOException e) {
            // gone meanwhile (another fetch trimmed it): nothing to count
        }
    }

    private static boolean deleted(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private record Cached(Path file, long size, FileTime shown) {}
}
