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
        if (trimmed.codePoints().anyMatch(Text::isInvisible)) {
            throw new InvalidValue(field, field + " must not contain control characters or invisible formatting characters");
        }
        if (hasUnpairedSurrogate(trimmed)) {
            throw new InvalidValue(field, field + " must be valid Unicode: it holds half of a surrogate pair");
        }
        return trimmed;
    }

    /**
     * Half of a UTF-16 surrogate pair (JSON's {@code "\ud800"}) is no character: UTF-8 cannot encode it, and
     * the database would store a '?' in its place, so text holding one is refused rather than changed.
     */
    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Control characters, and formatting ones (bidi overrides, line separators) that make a label look like another. */
    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
