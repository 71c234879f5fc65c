package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a {@code file} event says of the file it shares (protocol 1.5, feature "files"): its id for FILE_GET, its name,
 * length, SHA-256 (64 lower-case hex digits) and media type.
 */
public record FileInfo(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) long size,
        @JsonProperty(required = true) String sha256,
        @JsonProperty(required = true) String mediaType) {}
