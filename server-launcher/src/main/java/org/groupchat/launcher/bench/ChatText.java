package org.groupchat.launcher.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chat lines for the search bench, as people write them: 3 to 25 words drawn by Zipf's law from a vocabulary of
 * common English words followed by a long tail of rarer ones (names, places, accented words, made-up terms), now and
 * then a link or a number. Deterministic for a seed, so every run searches the same history.
 */
final class ChatText {
    private static final String[] COMMON = ("the to I you a and it is of that in for on this we my be have are was do"
                    + " not with just so at can me but what if all about like get your will no up now one out there they how"
                    + " know think good yes going time back see see more today when then need here meeting lunch tomorrow call"
                    + " thanks code review build release test bug fix deploy server client database search message group"
                    + " please could would should make sure week next last morning night after before great nice ok okay sorry"
                    + " done ready team project plan doc link file update issue ticket branch merge push pull coffee weekend")
            .split(" ");
    private static final String[] ACCENTED = {
        "café",
        "résumé",
        "naïve",
        "déjà",
        "façade",
        "jalapeño",
        "Zürich",
        "São",
        "Malmö",
        "crème",
        "brûlée",
        "piñata",
        "Ångström",
        "Kraków",
        "Bogotá"
    };
    private static final String[] SYLLABLES = ("ka lo mi ne ru sa ti vo be da fe gi ho ju ky la ma no pe qui ra se to"
                    + " un va we xi yo zu an el in or us ar en il on ur")
            .split(" ");
    private static final int VOCABULARY = 20_000;

    private final String[] words;
    private final double[] cumulative;

    ChatText() {
        List<String> vocabulary = new ArrayList<>(Arrays.asList(COMMON));
        vocabulary.addAll(Arrays.asList(ACCENTED));
        SplittableRandom names = new SplittableRandom(7);
        while (vocabulary.size() < VOCABULARY) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + names.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[names.nextInt(SYLLABLES.length)]);
            }
            vocabulary.add(word.toString());
        }
        words = vocabulary.toArray(String[]::new);
        cumulative = new double[words.length];
        double sum = 0;
        for (int rank = 0; rank < words.length; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < words.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    /** The word of this frequency rank (0 is the most frequent). */
    String word(int rank) {
        return words[rank];
    }

    int vocabularySize() {
        return words.length;
    }

    String line(SplittableRandom random) {
        int length = 3 + random.nextInt(23);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                line.append(' ');
            }
            int pick = random.nextInt(100);
            if (pick == 0) {
                line.append("https://example.com/")
                        .append(word(zipfRank(random)))
                        .append('/')
                        .append(random.nextInt(10_000));
            } else if (pick < 3) {
                line.append(random.nextInt(1_000));
            } else {
                line.append(word(zipfRank(random)));
            }
        }
        return line.append(random.nextInt(4) == 0 ? "?" : ".").toString();
    }

    private int zipfRank(SplittableRandom random) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(words.length - 1, rank >= 0 ? rank : -rank - 1);
    }
}
