package org.groupchat.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The protocol number and the software version that servers report in PING. */
public final class ProtocolVersion {
    public static final int PROTOCOL = 1;
    public static final String SOFTWARE = readSoftwareVersion();
    /** The 1.4 features' names, as PING lists them once a group server supports them (PROTOCOL.md). */
    public static final String REPLIES = "replies", EDITS = "edits", REACTIONS = "reactions", MENTIONS = "mentions",
            SEARCH = "search", READ_MARKERS = "read-markers", MODERATION = "moderation", FILES = "files";
    /** What a group server lists in PING's {@code features}: names from PROTOCOL.md. */
    public static final java.util.List<String> GROUP_FEATURES = java.util.List.of(
            "history-id",
            "retention",
            REPLIES,
            EDITS,
            REACTIONS,
            MENTIONS,
            MODERATION,
            READ_MARKERS,
            SEARCH,
            FILES);
    /** What a registry lists in PING's {@code features}. */
    public static final java.util.List<String> REGISTRY_FEATURES = java.util.List.of("register-epoch");

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
