package io.flowgate.domain.flow.language;

/**
 * Finds a literal text in another in time linear in their lengths, whatever they hold. {@link String#indexOf}
 * compares the search text at each position of the text, so 600,000 {@code a}s searched for 300,000 {@code a}s
 * and a {@code b} take about 10^11 comparisons — minutes within one step, where the run's deadline is not looked at.
 * Matching is by UTF-16 unit, as {@code indexOf} does: the same results, surrogate pairs included.
 */
public final class TextSearch {

    /**
     * Up to this length the JDK's {@code indexOf} is used: its worst case is this many comparisons per character of
     * the text, a small constant, and it is the fastest search for the short search texts most flows use.
     */
    static final int SHORT = 16;

    private final String needle;
    // Knuth–Morris–Pratt: for each prefix of the needle, the length of its longest proper prefix that is also its
    // suffix; null for a short needle.
    private final int[] borders;

    private TextSearch(String needle) {
        this.needle = needle;
        this.borders = needle.length() <= SHORT ? null : borders(needle);
    }

    /** A search for {@code needle}; prepared once, it can be run over many texts and positions. */
    public static TextSearch of(String needle) {
        return new TextSearch(needle);
    }

    /** Whether {@code text} holds {@code needle}; every text holds the empty text. */
    public static boolean contains(String text, String needle) {
        return of(needle).in(text, 0) >= 0;
    }

    /**
     * The index of the first occurrence in {@code text} at or after {@code from}, or -1; like
     * {@code text.indexOf(needle, from)}, so the empty text is found at {@code from} (at most the text's length).
     */
    public int in(String text, int from) {
        if (borders == null) {
            return text.indexOf(needle, from);
        }
        int length = text.length();
        int last = needle.length() - 1;
        int matched = 0;
        // Each character either extends the match or shortens it by at least one, so the loop is linear overall.
        for (int i = Math.max(from, 0); i < length; i++) {
            char c = text.charAt(i);
            while (matched > 0 && c != needle.charAt(matched)) {
                matched = borders[matched - 1];
            }
            if (c == needle.charAt(matched)) {
                if (matched == last) {
                    return i - last;
                }
                matched++;
            }
        }
        return -1;
    }

    private static int[] borders(String needle) {
        int[] borders = new int[needle.length()];
        int border = 0;
        for (int i = 1; i < needle.length(); i++) {
            char c = needle.charAt(i);
            while (border > 0 && c != needle.charAt(border)) {
                border = borders[border - 1];
            }
            if (c == needle.charAt(border)) {
                border++;
            }
            borders[i] = border;
        }
        return borders;
    }
}
