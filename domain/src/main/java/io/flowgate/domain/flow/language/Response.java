package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a flow answers to the HTTP request that invoked it. */
public sealed interface Response {

    /** 200 with a JSON body: {@code flow.return}, or {@code {}} when a flow ends without returning. */
    record Json(JsonValue body) implements Response {
        public Json {
            Objects.requireNonNull(body);
        }
    }

    /** A status (200 or 400–599), headers in the flow's order, and a text body: {@code flow.return_raw}, {@code flow.close}. */
    record Raw(int statusCode, Map<String, String> headers, String body) implements Response {
        public Raw {
            if (statusCode != 200 && (statusCode < 400 || statusCode > 599)) {
                throw new IllegalArgumentException("status code must be 200 or 400 to 599");
            }
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(body);
        }
    }
}
