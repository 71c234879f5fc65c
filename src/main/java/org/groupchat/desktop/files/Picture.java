package org.groupchat.desktop.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** A verified local picture and its size in pixels, read from its header (0 × 0 when the format is not known here). */
public record Picture(Path file, int width, int height) {

    /** Reads the picture's size without decoding it; call it off the UI thread (it reads the file). */
    public static Picture measure(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new Picture(file, 0, 0);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new Picture(file, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The size to show it at within {@code maxWidth} × {@code maxHeight}: scaled down to fit, never up. */
    public double[] fitted(double maxWidth, double maxHeight) {
        if (width <= 0 || height <= 0) {
            return new double[] {maxWidth, maxHeight};
        }
        double scale = Math.min(1, Math.min(maxWidth / width, maxHeight / height));
        return new double[] {Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))};
    }
}
