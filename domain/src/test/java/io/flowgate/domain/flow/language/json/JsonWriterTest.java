package io.flowgate.domain.flow.language.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void compact_hasNoSpaces_andKeepsMemberOrder() {
        JsonValue value = JsonParser.parse("{ \"z\" : [ 1 , 2 ], \"a\" : { } , \"m\" : [ ] }");

        assertThat(JsonWriter.compact(value)).isEqualTo("{\"z\":[1,2],\"a\":{},\"m\":[]}");
    }

    @Test
    void text_isEscapedOnlyWhereJsonRequires() {
        JsonValue value = JsonString.of("q\" b\\ n\n t\t c\u0001 é 😀 /");

        assertThat(JsonWriter.compact(value)).isEqualTo("\"q\\\" b\\\\ n\\n t\\t c\\u0001 é 😀 /\"");
    }

    @Test
    void unpairedSurrogates_areEscaped_soTheOutputStaysValidJsonText() {
        assertThat(JsonWriter.compact(JsonString.of("a\ud800"))).isEqualTo("\"a\\ud800\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":[1,2.50,-3e-7,true,null,\"x\\\"y\"],\"b\":{\"c\":{}}}",
        "\"\\u0000\\u001f\\b\\f\\n\\r\\t😀\"",
        "[[[[]]],{},[{}]]",
        "12345678901234567890.123",
    })
    void parsingWhatWasWritten_givesTheSameValue(String json) {
        JsonValue value = JsonParser.parse(json);

        assertThat(JsonParser.parse(JsonWriter.compact(value))).isEqualTo(value);
    }

    @Test
    void numbers_arePlainForEverydayMagnitudes_andScientificBeyond() {
        assertThat(JsonWriter.compact(JsonNumber.of(new BigDecimal("2E+2")))).isEqualTo("200");
        assertThat(JsonWriter.compact(JsonNumber.of(new BigDecimal("1E+20")))).isEqualTo("100000000000000000000");
        assertThat(JsonWriter.compact(JsonNumber.of(new BigDecimal("1E+21")))).isEqualTo("1E+21");
        assertThat(JsonWriter.compact(JsonNumber.of(new BigDecimal("1E+999999999")))).isEqualTo("1E+999999999");
        assertThat(JsonWriter.compact(JsonNumber.of(new BigDecimal("0.30")))).isEqualTo("0.30");
    }

    @Test
    void boundedCompact_givesNothingWhenTheTextWouldBeLonger() {
        JsonValue value = JsonArray.of(JsonString.of("abc"), JsonString.of("def"));

        assertThat(JsonWriter.compact(value, 13)).contains("[\"abc\",\"def\"]");
        assertThat(JsonWriter.compact(value, 12)).isEmpty();
    }

    @Test
    void head_cutsAfterOneCharacterMoreThanAsked_soTheCallerCanTellItWasCut() {
        JsonValue big = JsonString.of("x".repeat(1_000_000));

        assertThat(JsonWriter.head(big, 10)).isEqualTo("\"xxxxxxxxxx");
        assertThat(JsonWriter.head(JsonString.of("ab"), 10)).isEqualTo("\"ab\"");
    }

    @Test
    void utf8Size_isTheByteLengthOfTheCompactText() {
        JsonValue value = JsonParser.parse("{\"é\":[\"😀\",\"a\\nb\",\"\\u0001\",1.50,null,true],\"k\":{}}");

        assertThat(JsonWriter.utf8Size(value, Long.MAX_VALUE))
                .isEqualTo(JsonWriter.compact(value).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void utf8Size_stopsCountingPastTheLimit() {
        JsonArray.Builder items = JsonArray.builder();
        for (int i = 0; i < 100_000; i++) {
            items.add(JsonString.of("item"));
        }

        // The list's brackets and commas are counted up front (100,001 bytes), then counting stops.
        assertThat(JsonWriter.utf8Size(items.build(), 100)).isGreaterThan(100).isLessThan(100_010);
    }
}
