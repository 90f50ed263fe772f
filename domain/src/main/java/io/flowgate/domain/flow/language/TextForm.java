package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonBoolean;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import io.flowgate.domain.flow.language.json.JsonWriter;
import java.util.Locale;
import java.util.Optional;

/** A value as text, the way templates interpolate it: null as empty text, lists and objects as compact JSON. */
public final class TextForm {

    private TextForm() {
    }

    /**
     * Appends the text form of {@code value}.
     *
     * @throws StepFailure when the text would grow past {@code maxChars}
     */
    public static void appendTo(StringBuilder out, JsonValue value, int maxChars) {
        if (!tryAppend(out, value, maxChars)) {
            throw tooLong(maxChars);
        }
    }

    /** Appends the text form of {@code value} if the text stays within {@code maxChars}; else leaves it as it was. */
    static boolean tryAppend(StringBuilder out, JsonValue value, int maxChars) {
        int room = maxChars - out.length();
        if (value instanceof JsonString string) {
            if (string.value().length() > room) {
                return false;
            }
            out.append(string.value());
        } else if (value instanceof JsonNumber || value instanceof JsonBoolean) {
            String text = value.toString();
            if (text.length() > room) {
                return false;
            }
            out.append(text);
        } else if (!(value instanceof JsonNull)) {
            Optional<String> json = JsonWriter.compact(value, Math.max(room, 0));
            if (json.isEmpty()) {
                return false;
            }
            out.append(json.get());
        }
        return true;
    }

    /** The text form of a scalar: text as is, numbers and booleans as their JSON text. */
    public static String ofScalar(JsonValue value) {
        return value instanceof JsonString string ? string.value() : value.toString();
    }

    /** The failure of a step whose text would grow past {@code maxChars}. */
    public static StepFailure tooLong(int maxChars) {
        return new StepFailure("the text would be longer than " + String.format(Locale.ROOT, "%,d", maxChars)
                + " characters");
    }
}
