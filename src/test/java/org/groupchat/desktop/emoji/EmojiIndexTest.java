package org.groupchat.desktop.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 12, item 6: emoji are found whole in any text, whatever surrounds them, and the text is never changed. */
class EmojiIndexTest {
    private static final EmojiIndex INDEX = EmojiIndex.bundled();

    @Test
    void eachEmojiIsOneRunAndTheRunsGiveBackTheText() {
        String text = "Hi 👍🏽 family 👨‍👩‍👧 flag 🇫🇷 keycap 1️⃣ heart ❤️ 日本語 שלום!";

        List<TextRun> runs = INDEX.split(text);

        assertThat(runs.stream().map(TextRun::text).collect(Collectors.joining()))
                .isEqualTo(text);
        assertThat(runs.stream().filter(TextRun::isEmoji).map(TextRun::text))
                .containsExactly("👍🏽", "👨‍👩‍👧", "🇫🇷", "1️⃣", "❤️");
        assertThat(runs.stream().filter(TextRun::isEmoji).map(run -> run.emoji().shortName()))
                .containsExactly("+1", "man-woman-girl", "fr", "one", "heart");
    }

    @Test
    void charactersThatAreTextByDefaultStayText() {
        String text = "© 2026, 3 + 4 # ™ and ❤ without the emoji selector";

        assertThat(INDEX.split(text)).noneMatch(TextRun::isEmoji);
    }

    @Test
    void textWithoutEmojiIsOneRunAndEmptyTextNone() {
        assertThat(INDEX.split("café, naïve")).containsExactly(new TextRun("café, naïve", null));
        assertThat(INDEX.split("")).isEmpty();
    }

    @Test
    void theIndexCoversTheWholeBundledSet() {
        assertThat(INDEX.size()).isGreaterThan(3_500);
    }
}
