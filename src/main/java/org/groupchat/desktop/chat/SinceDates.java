package org.groupchat.desktop.chat;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.util.StringConverter;

/**
 * The "load since" date as people type it: the locale's short date, as the calendar writes it (12/7/2026), or ISO
 * (2026-12-07), as the command-line client takes it. Never throws: the date picker commits what is typed whenever its
 * field loses focus, and an exception there reached nobody but the FX thread's log.
 */
final class SinceDates extends StringConverter<LocalDate> {
    private final DateTimeFormatter local;
    private final String pattern;
    private final Supplier<LocalDate> current;
    private final Consumer<String> refused;

    /** {@code current} is kept when the text is not a date, and {@code refused} hears the text. */
    SinceDates(Locale locale, Supplier<LocalDate> current, Consumer<String> refused) {
        pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                        FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale)
                .replaceAll("y+", "y");
        local = DateTimeFormatter.ofPattern(pattern, locale);
        this.current = current;
        this.refused = refused;
    }

    /** The local form for a prompt, as M/D/YYYY. */
    String prompt() {
        return pattern.toUpperCase(Locale.ROOT).replace("Y", "YYYY");
    }

    /** How to write a date, for a refusal: both forms of the given day. */
    String examples(LocalDate day) {
        return day + " or " + local.format(day);
    }

    /** Whether {@code text} is blank (no date) or a date in either form. */
    boolean understands(String text) {
        return blank(text) || parse(text).isPresent();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Optional<LocalDate> parse(String text) {
        for (DateTimeFormatter form : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, local}) {
            try {
                LocalDate day = LocalDate.parse(text.strip(), form);
                // a two-digit year means this century, as the calendar's own field reads it
                return Optional.of(day.getYear() < 100 ? day.plusYears(2000) : day);
            } catch (DateTimeParseException e) {
                // the other form, or not a date
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString(LocalDate day) {
        return day == null ? "" : local.format(day);
    }

    @Override
    public LocalDate fromString(String text) {
        if (blank(text)) {
            return null;
        }
        Optional<LocalDate> day = parse(text);
        if (day.isEmpty()) {
            refused.accept(text);
        }
        return day.orElseGet(current);
    }
}
