package org.groupchat.desktop.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A profile's small JSON files, read and written by Jackson. A write goes to a temporary file that is forced to disk
 * and renamed over the old one, so a crash never leaves half a file; a file that cannot be parsed is moved aside
 * ({@code NAME.unreadable}) and read as absent, so a damaged settings file costs the settings, never the start.
 */
final class JsonFiles {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFiles.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonFiles() {}

    static <T> Optional<T> read(Path path, Class<T> type) {
        return read(path, MAPPER.constructType(type));
    }

    static <T> Optional<T> read(Path path, JavaType type) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(path.toFile(), type));
        } catch (JsonProcessingException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".unreadable");
            LOG.warn("{} cannot be read ({}); moved to {} and started without it", path, e.getOriginalMessage(), aside);
            moveAside(path, aside);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    static void write(Path path, Object value) {
        try {
            Files.createDirectories(path.getParent());
            Path temp =
                    Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                        OutputStream out = Channels.newOutputStream(channel)) {
                    out.write(MAPPER.writeValueAsBytes(value));
                    out.flush();
                    channel.force(true);
                }
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static void moveAside(Path path, Path aside) {
        try {
            Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("cannot move {} aside: {}", path, e.getMessage());
        }
    }
}
