package org.groupchat.desktop.emoji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the emoji in a text: every sequence in the bundled index (a single code point, a skin tone, a flag, a ZWJ
 * family), longest match first, so a text splits into plain runs and emoji runs.
 */
public final class EmojiIndex {
    private static final String RESOURCE = "/emoji/index.tsv";

    private final Map<String, Emoji> byCodePoints;
    private final Set<Integer> firstCodePoints = new HashSet<>();
    private final int longestSequence;

    EmojiIndex(List<Emoji> emoji) {
        byCodePoints = new HashMap<>(emoji.size() * 2);
        int longest = 1;
        for (Emoji e : emoji) {
            byCodePoints.put(e.codePoints(), e);
            String[] points = e.codePoints().split("-");
            firstCodePoints.add(Integer.parseInt(points[0], 16));
            longest = Math.max(longest, points.length);
        }
        longestSequence = longest;
    }

    /** Reads the index bundled with the app; call it off the FX thread (it reads the jar). */
    public static EmojiIndex bundled() {
        try (InputStream in = EmojiIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the app");
            }
            return new EmojiIndex(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Emoji> read(BufferedReader reader) throws IOException {
        List<Emoji> emoji = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String[] cells = line.split("\t");
            emoji.add(new Emoji(cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2]), cells[3]));
        }
        return emoji;
    }

    public int size() {
        return byCodePoints.size();
    }

    /** The text cut into plain and emoji runs, in order; joined again they give back the text exactly. */
    public List<TextRun> split(String text) {
        List<TextRun> runs = new ArrayList<>();
        int plainStart = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            Match match = firstCodePoints.contains(codePoint) ? longestMatchAt(text, i) : null;
            if (match == null) {
                i += Character.charCount(codePoint);
                continue;
            }
            if (plainStart < i) {
                runs.add(new TextRun(text.substring(plainStart, i), null));
            }
            runs.add(new TextRun(text.substring(i, match.end), match.emoji));
            i = match.end;
            plainStart = i;
        }
        if (plainStart < text.length()) {
            runs.add(new TextRun(text.substring(plainStart), null));
        }
        return runs;
    }

    private Match longestMatchAt(String text, int start) {
        List<Integer> ends = new ArrayList<>(longestSequence);
        StringBuilder key = new StringBuilder();
        List<String> keys = new ArrayList<>(longestSequence);
        int i = start;
        while (i < text.length() && keys.size() < longestSequence) {
            int codePoint = text.codePointAt(i);
            if (!keys.isEmpty()) {
                key.append('-');
            }
            key.append(String.format(Locale.ROOT, "%04X", codePoint));
            i += Character.charCount(codePoint);
            keys.add(key.toString());
            ends.add(i);
        }
        for (int n = keys.size() - 1; n >= 0; n--) {
            Emoji emoji = byCodePoints.get(keys.get(n));
            if (emoji != null) {
                return new Match(emoji, withTrailingPresentationSelector(text, ends.get(n)));
            }
        }
        return null;
    }

    // U+FE0F after an emoji already drawn as one belongs to it, not to the next plain run
    private static int withTrailingPresentationSelector(String text, int end) {
        return end < text.length() && text.charAt(end) == '\uFE0F' ? end + 1 : end;
    }

    private record Match(Emoji emoji, int end) {}
}
