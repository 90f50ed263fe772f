package io.flowgate.adapter.out.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text, written without the general formatter: an execution's record holds one
 * instant per step besides its own two, and formatting them through {@code DateTimeFormatter} was 1.4 % of a
 * 10-step invocation's server CPU (round 11 profile). The instants of one record mostly fall in the same second,
 * so the text up to the second is kept for the last second formatted. Instants outside the years 1970 to 9999
 * take the general path.
 */
final class InstantText {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST_SECOND_OF_10000 = 253_402_300_800L;

    /** "2026-11-30T10:00:00" for {@code epochSecond}; replaced whole, so a reader never sees half of one. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(0, "1970-01-01T00:00:00");

    private InstantText() {
    }

    static String format(Instant instant) {
        return append(new StringBuilder(30), instant).toString();
    }

    static StringBuilder append(StringBuilder out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= FIRST_SECOND_OF_10000) {
            return out.append(instant);
        }
        Second second = last;
        if (second.epochSecond() != seconds) {
            second = new Second(seconds, secondText(seconds));
            last = second;
        }
        out.append(second.text());
        int nano = instant.getNano();
        // As ISO_INSTANT does: no fraction for a whole second, else three, six or nine digits, as few as exact.
        if (nano > 0) {
            char[] fraction = ".000000000".toCharArray();
            if (nano % 1_000_000 == 0) {
                out.append(digits(fraction, nano / 1_000_000, 3), 0, 4);
            } else if (nano % 1_000 == 0) {
                out.append(digits(fraction, nano / 1_000, 6), 0, 7);
            } else {
                out.append(digits(fraction, nano, 9), 0, 10);
            }
        }
        return out.append('Z');
    }

    private static String secondText(long seconds) {
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        char[] text = "0000-00-00T00:00:00".toCharArray();
        digits(text, date.getYear(), 3);
        digits(text, date.getMonthValue(), 6);
        digits(text, date.getDayOfMonth(), 9);
        digits(text, secondOfDay / 3600, 12);
        digits(text, secondOfDay / 60 % 60, 15);
        digits(text, secondOfDay % 60, 18);
        return new String(text);
    }

    /** Writes {@code value}'s decimal digits leftwards from {@code last}; the places before them keep what they hold. */
    private static char[] digits(char[] text, int value, int last) {
        int place = last;
        for (int rest = value; rest > 0; rest /= 10) {
            text[place--] = (char) ('0' + rest % 10);
        }
        return text;
    }
}
