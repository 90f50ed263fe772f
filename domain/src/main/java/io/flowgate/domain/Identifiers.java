package io.flowgate.domain;

import java.util.regex.Pattern;

/** The one shape every generated id has: short, URL-safe, ASCII letters and digits. */
public final class Identifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");

    private Identifiers() {
    }

    public static String require(String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidValue(field, field + " must be 1 to 64 ASCII letters or digits");
        }
        return value;
    }
}
