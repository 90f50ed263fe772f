package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.Numbers;
import io.flowgate.domain.flow.language.TextForm;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonPath;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules shared by several cards' inputs; each is checked on literals at save time and on every value at run time. */
final class Rules {

    /** Names and values of response headers: an HTTP token, and text without line breaks or control characters. */
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern HEADER_NAME = Pattern.compile(TOKEN);
    private static final Pattern HEADER_VALUE = Pattern.compile("[^\\x00-\\x08\\x0a-\\x1f\\x7f]*");
    /**
     * A content-type is a media type (RFC 9110 §8.3.1): type/subtype, then parameters whose values are tokens or
     * quoted strings. The server writes the body in its charset, so anything else could only fail after the run.
     */
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN
            + "(?:[ \\t]*;[ \\t]*" + TOKEN + "=(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\"))*[ \\t]*");
    private static final Pattern CHARSET = Pattern.compile(
            ";[ \\t]*charset=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(" + TOKEN + "))", Pattern.CASE_INSENSITIVE);

    static final Input.Rule NOT_EMPTY = value -> TextForm.ofScalar(value).isEmpty()
            ? Optional.of("must not be empty") : Optional.empty();

    static final Input.Rule STATUS_CODE = value -> {
        long code = Numbers.toLong(((JsonNumber) value).value()).orElse(0);
        return code == 200 || (code >= 400 && code <= 599) ? Optional.empty()
                : Optional.of("must be 200 or from 400 to 599");
    };

    static final Input.Rule HEADERS = value -> {
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, JsonValue> header : ((JsonObject) value).members().entrySet()) {
            String name = header.getKey();
            JsonValue text = header.getValue();
            if (!HEADER_NAME.matcher(name).matches()) {
                return Optional.of("has a header name that is not a valid HTTP header name");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                return Optional.of("has header '" + name + "' twice (header names are case-insensitive)");
            }
            if (!(text.typeName().equals("text") || text.typeName().equals("number"))) {
                return Optional.of("has header '" + name + "' whose value is not text");
            }
            if (!HEADER_VALUE.matcher(TextForm.ofScalar(text)).matches()) {
                return Optional.of("has header '" + name + "' whose value holds a line break or control character");
            }
            if (name.equalsIgnoreCase("content-type")) {
                Optional<String> problem = contentTypeProblem(TextForm.ofScalar(text));
                if (problem.isPresent()) {
                    return Optional.of("has a content-type that " + problem.get());
                }
            }
        }
        return Optional.empty();
    };

    private static Optional<String> contentTypeProblem(String contentType) {
        if (!MEDIA_TYPE.matcher(contentType).matches()) {
            return Optional.of("is not a media type (type/subtype, then ;name=value parameters)");
        }
        Matcher charset = CHARSET.matcher(contentType);
        while (charset.find()) {
            String name = charset.group(1) != null ? charset.group(1) : charset.group(2);
            if (!supported(name)) {
                return Optional.of("names a charset this server cannot write");
            }
        }
        return Optional.empty();
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    static final Input.Rule PATH = value -> {
        try {
            JsonPath.parse(TextForm.ofScalar(value));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid path: " + e.getMessage());
        }
    };

    static final Input.Rule DATE_PATTERN = value -> {
        try {
            DateTimeFormatter.ofPattern(TextForm.ofScalar(value), Locale.US);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a valid date pattern: " + e.getMessage());
        }
    };

    static final Input.Rule ZONE = value -> {
        try {
            ZoneId.of(TextForm.ofScalar(value));
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.of("is not a known time zone (use an id like UTC, Europe/Paris or +02:00)");
        }
    };

    private Rules() {
    }

    /** A whole number from {@code min} to {@code max}. */
    static Input.Rule between(long min, long max) {
        return value -> {
            long number = Numbers.toLong(((JsonNumber) value).value()).orElse(Long.MIN_VALUE);
            return number >= min && number <= max ? Optional.empty()
                    : Optional.of("must be from " + min + " to " + max);
        };
    }

    /** One of the given words. */
    static Input.Rule oneOf(Set<String> words, String list) {
        return value -> words.contains(TextForm.ofScalar(value)) ? Optional.empty()
                : Optional.of("must be one of " + list);
    }
}
