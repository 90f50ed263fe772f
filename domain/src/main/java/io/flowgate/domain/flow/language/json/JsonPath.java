package io.flowgate.domain.flow.language.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A path into a value: {@code user.email}, {@code items[0]}, {@code a.b[1].c}, and {@code ["key.with dots"]}
 * for keys a plain name cannot spell. Reading a path that leads nowhere gives null.
 */
public final class JsonPath {

    /** One step of a path: an object member or a list index. */
    public sealed interface Segment permits Key, Index {
    }

    public record Key(String name) implements Segment {
        public Key {
            Objects.requireNonNull(name);
        }
    }

    public record Index(int position) implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private JsonPath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses a path. A plain name is any run of characters other than whitespace and {@code . [ ] " { }};
     * an index is a non-negative whole number; a quoted key may escape {@code "} and {@code \} with {@code \}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static JsonPath parse(String text) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        int length = text.length();
        if (length == 0) {
            throw new IllegalArgumentException("a path must not be empty");
        }
        boolean first = true;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '[') {
                pos = bracket(text, pos, segments);
            } else {
                if (!first) {
                    if (c != '.') {
                        throw new IllegalArgumentException(
                                "expected '.' or '[' at position " + (pos + 1) + " of path '" + text + "'");
                    }
                    pos++;
                }
                int start = pos;
                while (pos < length && isNameChar(text.charAt(pos))) {
                    pos++;
                }
                if (pos == start) {
                    throw new IllegalArgumentException("expected a name at position " + (start + 1)
                            + " of path '" + text + "'");
                }
                segments.add(new Key(text.substring(start, pos)));
            }
            first = false;
        }
        return new JsonPath(text, segments);
    }

    private static int bracket(String text, int pos, List<Segment> segments) {
        int length = text.length();
        pos++;
        if (pos < length && text.charAt(pos) == '"') {
            StringBuilder key = new StringBuilder();
            pos++;
            while (pos < length && text.charAt(pos) != '"') {
                char c = text.charAt(pos);
                if (c == '\\' && pos + 1 < length && (text.charAt(pos + 1) == '"' || text.charAt(pos + 1) == '\\')) {
                    pos++;
                    c = text.charAt(pos);
                }
                key.append(c);
                pos++;
            }
            if (pos + 1 >= length || text.charAt(pos + 1) != ']') {
                throw new IllegalArgumentException("unterminated [\"...\"] in path '" + text + "'");
            }
            segments.add(new Key(key.toString()));
            return pos + 2;
        }
        int start = pos;
        while (pos < length && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start || pos >= length || text.charAt(pos) != ']') {
            throw new IllegalArgumentException(
                    "an index in [] must be a whole number 0 or more, in path '" + text + "'");
        }
        if (pos - start > 1 && text.charAt(start) == '0') {
            throw new IllegalArgumentException("an index must not have leading zeros, in path '" + text + "'");
        }
        if (pos - start > 9) {
            throw new IllegalArgumentException("index too large in path '" + text + "'");
        }
        segments.add(new Index(Integer.parseInt(text, start, pos, 10)));
        return pos + 1;
    }

    private static boolean isNameChar(char c) {
        return !Character.isWhitespace(c) && c != '.' && c != '[' && c != ']' && c != '"' && c != '{' && c != '}';
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The value at this path, or null when any step of the way is missing or of the wrong kind. */
    public JsonValue get(JsonValue root) {
        return get(root, 0);
    }

    /** Like {@link #get(JsonValue)}, starting at segment {@code from}. */
    public JsonValue get(JsonValue root, int from) {
        JsonValue current = root;
        for (int i = from; i < segments.size(); i++) {
            current = step(current, segments.get(i));
        }
        return current;
    }

    private static JsonValue step(JsonValue current, Segment segment) {
        if (segment instanceof Key key) {
            return current instanceof JsonObject object ? object.get(key.name()) : JsonNull.INSTANCE;
        }
        int index = ((Index) segment).position();
        return current instanceof JsonArray array && index < array.size() ? array.get(index) : JsonNull.INSTANCE;
    }

    /**
     * A copy of {@code root} with the value at this path replaced. Missing object members on the way are
     * created as objects; list indexes must exist.
     *
     * @throws IllegalArgumentException when the path goes through a value that is neither a list nor an object,
     *                                  or through a list index that does not exist, or has more segments than a
     *                                  value may nest levels ({@link JsonValue#MAX_DEPTH})
     */
    public JsonValue set(JsonValue root, JsonValue value) {
        // Each segment puts the value one list or object deeper, so a longer path could only build a value too deep
        // to exist; refusing it first also bounds the recursion below, which a path of 100,000 segments would
        // otherwise take past the end of the stack.
        if (segments.size() > JsonValue.MAX_DEPTH) {
            throw new IllegalArgumentException("a path to set may have at most " + JsonValue.MAX_DEPTH
                    + " segments, as values nest at most " + JsonValue.MAX_DEPTH + " levels deep; this one has "
                    + String.format(Locale.ROOT, "%,d", segments.size()));
        }
        return set(root, 0, value);
    }

    private JsonValue set(JsonValue current, int at, JsonValue value) {
        if (at == segments.size()) {
            return value;
        }
        Segment segment = segments.get(at);
        if (segment instanceof Key key) {
            if (current instanceof JsonNull) {
                current = JsonObject.empty();
            }
            if (!(current instanceof JsonObject object)) {
                throw new IllegalArgumentException("cannot set '" + key.name() + "' inside " + withArticle(current));
            }
            return object.with(key.name(), set(object.get(key.name()), at + 1, value));
        }
        int index = ((Index) segment).position();
        if (!(current instanceof JsonArray array)) {
            throw new IllegalArgumentException("cannot set [" + index + "] inside " + withArticle(current));
        }
        if (index >= array.size()) {
            throw new IllegalArgumentException(
                    "index " + index + " is out of range for a list of " + array.size() + " items");
        }
        return array.withItem(index, set(array.get(index), at + 1, value));
    }

    private static String withArticle(JsonValue value) {
        return switch (value.typeName()) {
            case "text", "null" -> value.typeName();
            case "object" -> "an object";
            default -> "a " + value.typeName();
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
