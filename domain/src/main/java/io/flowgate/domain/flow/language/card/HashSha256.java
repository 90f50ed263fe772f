package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.Card;
import io.flowgate.domain.flow.language.Input;
import io.flowgate.domain.flow.language.InputType;
import io.flowgate.domain.flow.language.Inputs;
import io.flowgate.domain.flow.language.StepContext;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of the UTF-8 bytes of the text, as 64 lowercase hex digits. */
final class HashSha256 implements Card {

    @Override
    public String name() {
        return "hash.sha256";
    }

    @Override
    public List<Input> inputs() {
        return List.of(Input.required("text", InputType.TEXT));
    }

    @Override
    public JsonValue run(Inputs in, StepContext context) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.text("text").getBytes(StandardCharsets.UTF_8));
            return JsonString.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
