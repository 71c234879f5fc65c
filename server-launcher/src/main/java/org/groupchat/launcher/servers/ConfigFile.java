package org.groupchat.launcher.servers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.groupchat.launcher.UsageProblem;

/** Reads a {@link ServersConfig} from YAML with messages that name the file and the problem. */
final class ConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigFile() {}

    static ServersConfig read(Path file) {
        try {
            ServersConfig config = YAML.readValue(Files.readAllBytes(file), ServersConfig.class);
            if (config == null) {
                throw new UsageProblem("config file " + file + " is empty");
            }
            return config;
        } catch (NoSuchFileException e) {
            throw new UsageProblem("config file " + file + " does not exist");
        } catch (UnrecognizedPropertyException e) {
            throw new UsageProblem("config file " + file + ": unknown key \"" + e.getPropertyName() + "\" near line "
                    + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new UsageProblem("config file " + file + " cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
