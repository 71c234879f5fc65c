package org.groupchat.desktop.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A piece of text, and whether it is one of the words to make stand out (a mention, a search term). */
record MarkedText(String text, boolean marked) {

    /** Cuts {@code text} at every occurrence of the words in {@code marked}, compared without case. */
    static List<MarkedText> split(String text, List<String> marked) {
        List<MarkedText> pieces = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int at = 0;
        while (at < text.length()) {
            int next = -1;
            int length = 0;
            for (String word : marked) {
                String w = word.toLowerCase(Locale.ROOT);
                if (w.isEmpty() || w.length() != word.length()) {
                    continue;
                }
                int found = lower.indexOf(w, at);
                if (found >= 0 && (next < 0 || found < next || found == next && w.length() > length)) {
                    next = found;
                    length = w.length();
                }
            }
            if (next < 0) {
                pieces.add(new MarkedText(text.substring(at), false));
                break;
            }
            if (next > at) {
                pieces.add(new MarkedText(text.substring(at, next), false));
            }
            pieces.add(new MarkedText(text.substring(next, next + length), true));
            at = next + length;
        }
        return pieces;
    }
}
