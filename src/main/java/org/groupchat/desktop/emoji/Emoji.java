package org.groupchat.desktop.emoji;

/** One emoji the app can draw: its code points ("1F44D-1F3FD"), its cell in the sprite sheet, its short name. */
public record Emoji(String codePoints, int column, int row, String shortName) {}
