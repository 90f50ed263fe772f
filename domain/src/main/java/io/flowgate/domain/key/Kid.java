package io.flowgate.domain.key;

import io.flowgate.domain.InvalidValue;
import java.util.regex.Pattern;

/** A JWK key id as clients put it in a JWS header: printable ASCII, at most 255 characters. */
public record Kid(String value) {

    private static final Pattern KID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    public Kid {
        if (value == null || !KID.matcher(value).matches()) {
            throw new InvalidValue("kid", "kid must be 1 to 255 printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
