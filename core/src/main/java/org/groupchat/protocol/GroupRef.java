package org.groupchat.protocol;

/** A group's name and the endpoint its server answers on. */
public record GroupRef(String name, String endpoint) {}
