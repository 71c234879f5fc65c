package org.groupchat.desktop.profile;

/** The chosen name and the id of a profile, as {@code identity.json} holds them; its keys live beside it. */
record IdentityFile(String id, String name) {}
