package org.groupchat.desktop.emoji;

/** A piece of a message's text: plain text, or the characters of one emoji ({@code emoji} not null). */
public record TextRun(String text, Emoji emoji) {

    public boolean isEmoji() {
        return emoji != null;
    }
}
