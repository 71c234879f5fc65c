package org.groupchat.launcher.servers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.groupchat.launcher.UsageProblem;

/** Reads a {@link ServersConfig} from YAML; every error names the file, the line and the key. */
final class ConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The settings read, and the line of each key, to name it when a value is refused later. */
    record Loaded(Path file, ServersConfig config, Map<String, Integer> lines) {
        /** How to name a key of the file in a message, e.g. {@code limits.maxMembers (servers.yaml line 7)}. */
        String key(String dottedKey) {
            Integer line = lines.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(dottedKey))
                    .map(Map.Entry::getValue)
                    .min(Integer::compare)
                    .orElse(null);
            return dottedKey + " (" + file + (line == null ? "" : " line " + line) + ")";
        }
    }

    private ConfigFile() {}

    static Loaded read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageProblem("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageProblem("config file " + file + " cannot be read: " + e.getMessage());
        }
        if (new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .allMatch(l ->
                        l.isBlank() || l.strip().startsWith("#") || l.strip().equals("---"))) {
            throw new UsageProblem("config file " + file + " is empty: give at least \"registry:\" or \"groups:\"");
        }
        try {
            ServersConfig config = YAML.readValue(bytes, ServersConfig.class);
            if (config == null) {
                throw new UsageProblem("config file " + file + " is empty: give at least \"registry:\" or \"groups:\"");
            }
            return new Loaded(file, config, keyLines(bytes));
        } catch (UnrecognizedPropertyException e) {
            throw new UsageProblem(at(file, lineOf(bytes, e)) + "unknown key \"" + path(e) + "\"; known keys there: "
                    + e.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            int line = lineOf(bytes, e);
            throw new UsageProblem(
                    at(file, line) + "\"" + path(e) + "\": " + plain(e.getOriginalMessage()) + lineText(bytes, line));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UsageProblem(
                    at(file, line) + "not valid YAML: " + plain(e.getOriginalMessage()) + lineText(bytes, line));
        } catch (IOException e) {
            throw new UsageProblem("config file " + file + " cannot be read: " + plain(e.getMessage()));
        }
    }

    private static String at(Path file, int line) {
        return "config file " + file + (line < 1 ? "" : " line " + line) + ": ";
    }

    /** The line of the key the error is about when the YAML itself parses, else where the parser stopped. */
    private static int lineOf(byte[] bytes, JsonMappingException e) {
        try {
            Integer line = keyLines(bytes).get(path(e));
            if (line != null) {
                return line;
            }
        } catch (IOException notYaml) {
            // fall back to the parser's position
        }
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** Jackson's wording without the Java class names an operator cannot act on. */
    private static String plain(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.replaceAll(
                        "^Cannot deserialize value of type (`[^`]+`) from \\w+ (.+?)(: .*)?$", "expected $1, got $2")
                .replaceAll("(value of type )?`java\\.lang\\.(Integer|Long)`( value)?", "a whole number")
                .replaceAll("(value of type )?`java\\.lang\\.Double`( value)?", "a number")
                .replaceAll("(value of type )?`java\\.lang\\.Boolean`( value)?", "true or false")
                .replaceAll("(value of type )?`java\\.lang\\.String`( value)?", "a text")
                .replaceAll("(value of type )?`org\\.groupchat\\.[\\w.$]+`", "a section")
                .replace("Cannot deserialize ", "expected ");
    }

    private static String lineText(byte[] bytes, int line) {
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        return line >= 1 && line <= lines.size()
                ? " (line " + line + " reads: " + lines.get(line - 1).strip() + ")"
                : "";
    }

    /** Each key's dotted path ({@code groups[0].name}) and its line. */
    private static Map<String, Integer> keyLines(byte[] bytes) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    lines.put(dotted(pointer), parser.currentLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    private static String dotted(String pointer) {
        return pointer.substring(1)
                .replaceAll("/(\\d+)(?=/|$)", "[$1]")
                .replace('/', '.')
                .replace(".[", "[");
    }
}
