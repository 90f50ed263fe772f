package io.flowgate.application.service;

import io.flowgate.application.port.in.InvokeFlowUseCase.Invocation;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonParser;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code request} a flow sees: {@code {method, path, query, headers, body, raw}}. Credentials
 * never reach the flow: {@code authorization}, {@code cookie} and {@code x-api-client-token} are
 * removed, and so is a {@code clientToken} query parameter.
 */
final class RequestDocument {

    static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "cookie", "x-api-client-token");
    static final String CLIENT_TOKEN_PARAMETER = "clientToken";

    /** The body is JSON but does not parse; the message says so without quoting it. */
    static final class MalformedBody extends RuntimeException {
        MalformedBody(String message) {
            super(message, null, false, false);
        }
    }

    private RequestDocument() {
    }

    static JsonObject of(Invocation invocation) {
        JsonObject.Builder query = JsonObject.builder();
        invocation.query().forEach((name, value) -> {
            if (!name.equals(CLIENT_TOKEN_PARAMETER)) {
                query.put(name, JsonString.of(value));
            }
        });
        JsonObject.Builder headers = JsonObject.builder();
        invocation.headers().forEach((name, values) -> {
            if (!HIDDEN_HEADERS.contains(name)) {
                headers.put(name, JsonString.of(String.join(", ", values)));
            }
        });
        return JsonObject.builder()
                .put("method", JsonString.of(invocation.method()))
                .put("path", JsonString.of(invocation.path()))
                .put("query", query.build())
                .put("headers", headers.build())
                .put("body", body(invocation))
                .put("raw", JsonString.of(invocation.body()))
                .build();
    }

    private static JsonValue body(Invocation invocation) {
        if (invocation.body().isEmpty()) {
            return JsonNull.INSTANCE;
        }
        String type = invocation.contentType().map(value -> value.toLowerCase(Locale.ROOT)).orElse("");
        if (type.startsWith("application/json") || type.matches("application/[^;]*\\+json.*")) {
            try {
                return JsonParser.parse(invocation.body());
            } catch (RuntimeException e) {
                throw new MalformedBody("the request body is declared as JSON but is not valid JSON");
            }
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return form(invocation.body());
        }
        return JsonString.of(invocation.body());
    }

    /** Form fields by name, each with its first value, like {@code request.query}. */
    private static JsonObject form(String body) {
        JsonObject.Builder fields = JsonObject.builder();
        Set<String> seen = new HashSet<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (seen.add(name)) {
                fields.put(name, JsonString.of(value));
            }
        }
        return fields.build();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedBody("the request body is declared as form data but is not valid form encoding");
        }
    }
}
