package org.groupchat.desktop.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureCacheTest {
    @TempDir
    Path pictures;

    @Test
    void overItsSizeTheCacheDropsThePicturesShownLeastRecently() throws Exception {
        Path monday = picture("aaa.png", 400, 1);
        Path tuesday = picture("bbb.png", 400, 2);
        Path wednesday = picture("ccc.jpg", 400, 3);
        Path thursday = picture("ddd.gif", 400, 4);
        // Monday's picture was shown again today
        PictureCache.used(monday);

        PictureCache.trim(pictures, 1_000, thursday);

        assertThat(monday).exists();
        assertThat(tuesday).doesNotExist();
        assertThat(wednesday).doesNotExist();
        assertThat(thursday).exists();
    }

    @Test
    void thePictureJustFetchedStaysEvenWhenItIsTheOldestAndDownloadsUnderWayAreLeftAlone() throws Exception {
        Path fetched = picture("aaa.png", 900, 1);
        Path older = picture("bbb.png", 900, 2);
        Path underWay = Files.createDirectory(pictures.resolve(".download-1"));
        Files.write(underWay.resolve("part"), new byte[5_000]);

        PictureCache.trim(pictures, 1_000, fetched);

        assertThat(fetched).exists();
        assertThat(older).doesNotExist();
        assertThat(underWay.resolve("part")).exists();
    }

    @Test
    void underItsSizeNothingGoes() throws Exception {
        Path one = picture("aaa.png", 400, 1);
        Path two = picture("bbb.png", 400, 2);

        PictureCache.trim(pictures, 800, two);

        assertThat(one).exists();
        assertThat(two).exists();
    }

    /** A cached picture of {@code size} bytes last shown on day {@code day} of 1970. */
    private Path picture(String name, int size, int day) throws Exception {
        Path file = Files.write(pictures.resolve(name), new byte[size]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(day * 86_400_000L));
        return file;
    }
}
