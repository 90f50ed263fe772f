package io.flowgate.domain.flow.language.json;

import java.math.BigDecimal;

/**
 * A strict RFC 8259 parser: one value, optionally surrounded by whitespace, nothing after it; no comments,
 * no trailing commas, no leading zeros, no lone surrogates, no duplicate keys in an object. Nesting and
 * number length are bounded so that hostile input cannot exhaust the stack or the CPU.
 */
public final class JsonParser {

    public static final int DEFAULT_MAX_DEPTH = 64;
    /** RFC 8259 lets a parser limit the precision of numbers; 1,000 characters is far beyond any real use. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    private final String text;
    private final int maxDepth;
    private int pos;

    private JsonParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    public static JsonValue parse(String text) {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    public static JsonValue parse(String text, int maxDepth) {
        if (maxDepth < 1 || maxDepth > JsonValue.MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be between 1 and " + JsonValue.MAX_DEPTH);
        }
        JsonParser parser = new JsonParser(text, maxDepth);
        parser.skipWhitespace();
        JsonValue value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected data after the JSON value");
        }
        return value;
    }

    private JsonValue value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> JsonString.of(string());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character " + describe(c) + ", expected a value");
            }
        };
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        pos++;
        JsonObject.Builder members = JsonObject.builder();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return members.build();
        }
        while (true) {
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int keyStart = pos;
            String key = string();
            if (members.has(key)) {
                pos = keyStart;
                throw error("duplicate member name " + quote(key));
            }
            skipWhitespace();
            expect(':', "expected ':' after a member name");
            skipWhitespace();
            members.put(key, value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return members.build();
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object");
            }
            skipWhitespace();
        }
    }

    private JsonArray array(int depth) {
        checkDepth(depth);
        pos++;
        JsonArray.Builder items = JsonArray.builder();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return items.build();
        }
        while (true) {
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return items.build();
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in a list");
            }
            skipWhitespace();
        }
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw error("lists and objects nested deeper than " + maxDepth + " levels");
        }
    }

    private String string() {
        pos++;
        StringBuilder out = null;
        int plainFrom = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated text");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String result = out == null ? text.substring(plainFrom, pos)
                        : out.append(text, plainFrom, pos).toString();
                pos++;
                return result;
            }
            if (c < 0x20) {
                throw error("control character " + describe(c) + " in text must be escaped");
            }
            if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
                pos += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw error("unpaired surrogate in text");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, plainFrom, pos);
            escape(out);
            plainFrom = pos;
        }
    }

    private void escape(StringBuilder out) {
        int start = pos;
        pos++;
        if (pos >= text.length()) {
            throw error("unterminated text");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4();
                if (Character.isHighSurrogate(unit)) {
                    if (!text.startsWith("\\u", pos)) {
                        pos = start;
                        throw error("unpaired surrogate escape");
                    }
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        pos = start;
                        throw error("unpaired surrogate escape");
                    }
                    out.append(unit).append(low);
                } else if (Character.isLowSurrogate(unit)) {
                    pos = start;
                    throw error("unpaired surrogate escape");
                } else {
                    out.append(unit);
                }
            }
            default -> {
                pos = start;
                throw error("invalid escape \\" + (c < 0x20 || c > 0x7e ? describe(c) : String.valueOf(c)));
            }
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("\\u must be followed by four hex digits");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0 || text.charAt(pos + i) > 'f') {
                throw error("\\u must be followed by four hex digits");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zeros are not allowed in numbers");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            pos = start;
            throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        try {
            return JsonNumber.of(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException exponentOutOfRange) {
            pos = start;
            throw error("number out of range");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character " + describe(text.charAt(pos)) + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String problem) {
        if (peek() != c) {
            throw error(problem);
        }
        pos++;
    }

    /** The current character, or NUL at the end (NUL is never valid outside text, so it fails every check). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonSyntaxException error(String problem) {
        if (pos >= text.length() && !problem.startsWith("unexpected end")) {
            problem = "unexpected end of input: " + problem;
        }
        int line = 1;
        int lineStart = 0;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonSyntaxException(problem, line, end - lineStart + 1);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static String quote(String key) {
        return key.length() > 40 ? "\"" + key.substring(0, 40) + "…\"" : "\"" + key + "\"";
    }
}
