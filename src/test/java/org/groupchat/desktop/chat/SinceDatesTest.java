package org.groupchat.desktop.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The "load since" field takes a date as people type it, and a text that is no date leaves the date as it was. */
class SinceDatesTest {
    private static final LocalDate BEFORE = LocalDate.of(2026, 11, 1);
    private final List<String> refused = new ArrayList<>();
    private final SinceDates us = new SinceDates(Locale.US, () -> BEFORE, refused::add);
    private final SinceDates germany = new SinceDates(Locale.GERMANY, () -> BEFORE, refused::add);

    @Test
    void theIsoFormAndTheLocalFormAreBothADate() {
        assertThat(us.fromString("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(us.fromString(" 12/1/2026 ")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(us.fromString("12/1/26")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(germany.fromString("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(germany.fromString("01.12.2026")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(refused).isEmpty();
    }

    @Test
    void aBlankFieldIsNoDateAndIsNoMistake() {
        assertThat(us.fromString("  ")).isNull();
        assertThat(refused).isEmpty();
    }

    @Test
    void aTextThatIsNoDateKeepsTheDateItHadAndIsReported() {
        assertThat(us.fromString("next tuesday")).isEqualTo(BEFORE);
        assertThat(us.fromString("2026-13-01")).isEqualTo(BEFORE);
        assertThat(refused).containsExactly("next tuesday", "2026-13-01");
        assertThat(us.understands("next tuesday")).isFalse();
        assertThat(us.understands(" ")).isTrue();
    }

    @Test
    void theCalendarWritesTheLocalFormAndThePromptAndRefusalSayHowToType() {
        assertThat(us.toString(LocalDate.of(2026, 12, 1))).isEqualTo("12/1/2026");
        assertThat(germany.toString(LocalDate.of(2026, 12, 1))).isEqualTo("01.12.2026");
        assertThat(us.prompt()).isEqualTo("M/D/YYYY");
        assertThat(us.examples(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-07 or 12/7/2026");
    }
}
