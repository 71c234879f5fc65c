package org.groupchat.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/** The protocol number and the software version that servers report in PING. */
public final class ProtocolVersion {
    public static final int PROTOCOL = 1;
    public static final String SOFTWARE = readSoftwareVersion();
    /** The 1.4 features' names, as PING lists them once a group server supports them (PROTOCOL.md). */
    public static final String REPLIES = "replies";

    public static final String EDITS = "edits";
    public static final String REACTIONS = "reactions";
    public static final String MENTIONS = "mentions";
    public static final String SEARCH = "search";
    public static final String READ_MARKERS = "read-markers";
    public static final String MODERATION = "moderation";
    public static final String FILES = "files";
    /** What a group server lists in PING's {@code features}: names from PROTOCOL.md. */
    public static final List<String> GROUP_FEATURES = List.of(
            "history-id", "retention", REPLIES, EDITS, REACTIONS, MENTIONS, MODERATION, READ_MARKERS, SEARCH, FILES);
    /** What a registry lists in PING's {@code features}. */
    public static final List<String> REGISTRY_FEATURES = List.of("register-epoch");

    private ProtocolVersion() {}

    private static String readSoftwareVersion() {
        try (InputStream in = ProtocolVersion.class.getResourceAsStream("/org/groupchat/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "0.0.0-dev");
        } catch (IOException e) {
            return "0.0.0-dev";
        }
    }
}
