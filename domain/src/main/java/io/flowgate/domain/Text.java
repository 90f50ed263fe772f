package io.flowgate.domain;

/** Checks for human-entered text: names and labels. */
public final class Text {

    private Text() {
    }

    /** A trimmed, non-blank text of at most {@code maxLength} characters without control characters. */
    public static String requireLabel(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidValue(field, field + " must be at most " + maxLength + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValue(field, field + " must not contain control characters");
        }
        return trimmed;
    }
}
