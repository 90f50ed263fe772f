package io.flowgate.bootstrap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A token request body, form-encoded; by default a valid client credentials request with the assertion. */
final class TokenForm {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    static TokenForm of(String assertion) {
        return new TokenForm()
                .add("grant_type", "client_credentials")
                .add("scope", ApiClient.SCOPE)
                .add("client_assertion_type", JWT_BEARER)
                .add("client_assertion", assertion);
    }

    /** Adds a field, even one already there: a repeated parameter is a refusal of its own. */
    TokenForm add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    TokenForm set(String name, String value) {
        return without(name).add(name, value);
    }

    TokenForm without(String name) {
        fields.removeIf(field -> field.getKey().equals(name));
        return this;
    }

    String encode() {
        return fields.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
