package io.flowgate.domain.flow.language.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void everyKindOfValue_parsesToTheModel() {
        JsonValue value = JsonParser.parse(" {\"a\":[1,-2.5e3,true,false,null],\"b\":{\"c\":\"d\"},\"e\":\"\"}\n");

        assertThat(value).isInstanceOf(JsonObject.class);
        JsonObject object = (JsonObject) value;
        assertThat(object.keys()).containsExactly("a", "b", "e");
        assertThat(((JsonArray) object.get("a")).items()).containsExactly(JsonNumber.of(1),
                JsonNumber.of(new BigDecimal("-2500")), JsonBoolean.TRUE, JsonBoolean.FALSE, JsonNull.INSTANCE);
        assertThat(((JsonObject) object.get("b")).get("c")).isEqualTo(JsonString.of("d"));
        assertThat(object.get("e")).isEqualTo(JsonString.of(""));
    }

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("\"plain\"", "plain"),
                Arguments.of("\"a\\\"b\"", "a\"b"),
                Arguments.of("\"back\\\\slash\"", "back\\slash"),
                Arguments.of("\"\\/\"", "/"),
                Arguments.of("\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t"),
                Arguments.of("\"\\u00e9\\u00E9\"", "\u00e9\u00e9"),
                Arguments.of("\"\\ud83d\\ude00\"", "\ud83d\ude00"),
                Arguments.of("\"\ud83d\ude00 raw\"", "\ud83d\ude00 raw"));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void textEscapes_areDecoded(String json, String expected) {
        assertThat(JsonParser.parse(json)).isEqualTo(JsonString.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "-0|0", "1.5|1.5", "1e3|1000", "1E+3|1000", "2.50|2.50", "-12.34e-2|-0.1234",
        "0.1|0.1", "123456789012345678901234567890|123456789012345678901234567890",
    })
    void numbers_areExactDecimals(String json, String expected) {
        assertThat(((JsonNumber) JsonParser.parse(json)).value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "01", "-01", "1.", ".5", "+1", "1e", "1e+", "-", "0x10", "NaN", "Infinity", "1.e3",
        "tru", "nul", "True", "'a'", "\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12g4\"",
        "\"lone \\ud83d high\"", "\"lone \\ude00 low\"", "\"\\ud83d\\u0041\"", "\"tab\tinside\"",
        "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1 \"b\":2}", "[", "{", "]",
        "{\"a\":1}x", "1 2", "[1]]", "{\"a\":1,\"a\":2}", "// comment\n1", "\uFEFF1", "[\u00a01]",
    })
    void invalidJson_isRejected(String json) {
        assertThatThrownBy(() -> JsonParser.parse(json)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void loneSurrogateInTheInputText_isRejected() {
        assertThatThrownBy(() -> JsonParser.parse("\"a\ud800b\""))
                .isInstanceOf(JsonSyntaxException.class).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void errors_sayWhereTheyAre() {
        assertThatThrownBy(() -> JsonParser.parse("{\n  \"a\": 01\n}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessage("leading zeros are not allowed in numbers at line 2, column 9");
    }

    @Test
    void trailingData_isRejectedWithAClearMessage() {
        assertThatThrownBy(() -> JsonParser.parse("{} {}"))
                .hasMessageStartingWith("unexpected data after the JSON value");
    }

    @Test
    void duplicateMemberNames_areRejected() {
        assertThatThrownBy(() -> JsonParser.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate member name \"a\"");
    }

    @Test
    void nestingUpToTheLimit_isAccepted_andOneMoreIsRejected() {
        String deepest = "[".repeat(64) + "]".repeat(64);
        String tooDeep = "[".repeat(65) + "]".repeat(65);

        assertThat(JsonParser.parse(deepest).depth()).isEqualTo(64);
        assertThatThrownBy(() -> JsonParser.parse(tooDeep)).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void hostileNesting_failsCleanly_withoutExhaustingTheStack() {
        String hostile = "{\"a\":".repeat(1_000_000);

        assertThatThrownBy(() -> JsonParser.parse(hostile)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void numbersLongerThanTheLimit_areRejected() {
        String longNumber = "1".repeat(JsonParser.MAX_NUMBER_LENGTH + 1);

        assertThatThrownBy(() -> JsonParser.parse(longNumber)).hasMessageContaining("longer than 1000");
        assertThat(JsonParser.parse("1".repeat(JsonParser.MAX_NUMBER_LENGTH))).isInstanceOf(JsonNumber.class);
    }

    @Test
    void exponentsBeyondTheRangeOfADecimal_areRejected() {
        assertThatThrownBy(() -> JsonParser.parse("1e99999999999")).hasMessageContaining("out of range");
    }

    @Test
    void scalarsAtTheTopLevel_areAccepted() {
        assertThat(JsonParser.parse("null")).isEqualTo(JsonNull.INSTANCE);
        assertThat(JsonParser.parse("\"x\"")).isEqualTo(JsonString.of("x"));
        assertThat(JsonParser.parse("true")).isEqualTo(JsonBoolean.TRUE);
    }
}
