package io.flowgate.domain.flow.language.json;

import java.util.Map;
import java.util.Optional;

/** Compact JSON text (no spaces), optionally bounded so that a huge value costs no more than the bound. */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    public static String compact(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out, Integer.MAX_VALUE);
        return out.toString();
    }

    /** The compact text if it has at most {@code maxChars} characters, else empty. */
    public static Optional<String> compact(JsonValue value, int maxChars) {
        StringBuilder out = new StringBuilder();
        try {
            write(value, out, maxChars);
        } catch (Full full) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /**
     * The first {@code maxChars} characters of the compact text, plus one more if it is longer — so a caller
     * that cuts to {@code maxChars} can tell that it cut.
     */
    public static String head(JsonValue value, int maxChars) {
        StringBuilder out = new StringBuilder();
        try {
            write(value, out, maxChars);
        } catch (Full full) {
            out.setLength(maxChars + 1);
        }
        return out.toString();
    }

    /** Appends the compact text of a value to {@code out}. */
    public static void appendTo(StringBuilder out, JsonValue value) {
        write(value, out, Integer.MAX_VALUE);
    }

    /**
     * The size in UTF-8 bytes of the compact text, counted without building it. Counting stops early once
     * it passes {@code limit}; the result is then some number above the limit.
     */
    public static long utf8Size(JsonValue value, long limit) {
        return new Counter(limit).count(value);
    }

    private static void write(JsonValue value, StringBuilder out, int maxChars) {
        if (value instanceof JsonString string) {
            writeString(string.value(), out, maxChars);
        } else if (value instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(member.getKey(), out, maxChars);
                out.append(':');
                write(member.getValue(), out, maxChars);
            }
            out.append('}');
        } else if (value instanceof JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out, maxChars);
            }
            out.append(']');
        } else {
            out.append(value.toString());
        }
        if (out.length() > maxChars) {
            throw Full.INSTANCE;
        }
    }

    private static void writeString(String text, StringBuilder out, int maxChars) {
        out.append('"');
        int length = text.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            appendPlain(text, plainFrom, i, out, maxChars);
            escape(c, out);
            plainFrom = i + 1;
        }
        appendPlain(text, plainFrom, length, out, maxChars);
        out.append('"');
    }

    private static void appendPlain(String text, int from, int to, StringBuilder out, int maxChars) {
        // A bounded write must not copy a megabyte to keep four kilobytes of it.
        int room = maxChars - out.length() + 1;
        if (to - from > room) {
            out.append(text, from, from + Math.max(room, 0));
            throw Full.INSTANCE;
        }
        out.append(text, from, to);
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            // Control characters and unpaired surrogates: the escape keeps the text valid JSON.
            default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
    }

    /** Thrown to unwind a bounded write; carries nothing and costs no stack trace. */
    private static final class Full extends RuntimeException {
        private static final Full INSTANCE = new Full();

        private Full() {
            super(null, null, false, false);
        }
    }

    private static final class Counter {
        private final long limit;
        private long size;

        Counter(long limit) {
            this.limit = limit;
        }

        long count(JsonValue value) {
            add(value);
            return size;
        }

        private void add(JsonValue value) {
            if (value instanceof JsonString string) {
                addString(string.value());
            } else if (value instanceof JsonObject object) {
                size += 2 + Math.max(0, object.size() - 1);
                for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                    if (size > limit) {
                        return;
                    }
                    addString(member.getKey());
                    size++;
                    add(member.getValue());
                }
            } else if (value instanceof JsonArray array) {
                size += 2 + Math.max(0, array.size() - 1);
                for (JsonValue item : array.items()) {
                    if (size > limit) {
                        return;
                    }
                    add(item);
                }
            } else {
                size += value.toString().length();
            }
        }

        private void addString(String text) {
            size += 2;
            int length = text.length();
            for (int i = 0; i < length && size <= limit; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    size += c == '"' || c == '\\' ? 2 : c < 0x20 ? (isShortEscape(c) ? 2 : 6) : 1;
                } else if (c < 0x800) {
                    size += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    size += 4;
                    i++;
                } else {
                    size += Character.isSurrogate(c) ? 6 : 3;
                }
            }
        }

        private static boolean isShortEscape(char c) {
            return c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t';
        }
    }
}
