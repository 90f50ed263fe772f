package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.Response;
import io.flowgate.domain.flow.language.TextForm;
import io.flowgate.domain.flow.language.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inputs of a raw response ({@code flow.return_raw}, {@code flow.close}) and how they make one. */
final class RawResponses {

    static final List<Input> INPUTS = List.of(
            Input.required("statusCode", InputType.INTEGER).where(Rules.STATUS_CODE),
            Input.optional("headers", InputType.OBJECT).where(Rules.HEADERS),
            Input.optional("body", InputType.TEXT));

    private RawResponses() {
    }

    static Response.Raw from(Inputs in) {
        Map<String, String> headers = new LinkedHashMap<>();
        in.object("headers", JsonObject.empty()).members()
                .forEach((name, value) -> headers.put(name, TextForm.ofScalar(value)));
        return new Response.Raw((int) in.integer("statusCode"), headers, in.text("body", ""));
    }
}
