package io.flowgate.domain.flow.language.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void numbers_areEqualByValue_whateverTheirScale() {
        JsonNumber one = JsonNumber.of(new BigDecimal("1"));
        JsonNumber onePointZero = JsonNumber.of(new BigDecimal("1.00"));
        JsonNumber tenAsExponent = JsonNumber.of(new BigDecimal("1E+1"));

        assertThat(one).isEqualTo(onePointZero).hasSameHashCodeAs(onePointZero);
        assertThat(tenAsExponent).isEqualTo(JsonNumber.of(10)).hasSameHashCodeAs(JsonNumber.of(10));
        assertThat(JsonNumber.of(new BigDecimal("0.00"))).isEqualTo(JsonNumber.of(0)).hasSameHashCodeAs(JsonNumber.of(0));
        assertThat(one).isNotEqualTo(JsonNumber.of(2));
    }

    @Test
    void objects_areEqualWhateverTheOrderOfTheirMembers() {
        assertThat(JsonParser.parse("{\"a\":1,\"b\":[1.0]}")).isEqualTo(JsonParser.parse("{\"b\":[1],\"a\":1.00}"));
        assertThat(JsonParser.parse("{\"a\":1}")).isNotEqualTo(JsonParser.parse("{\"a\":1,\"b\":null}"));
    }

    @Test
    void objectWith_replacesInPlace_orAppends_andLeavesTheOriginalAlone() {
        JsonObject original = (JsonObject) JsonParser.parse("{\"a\":1,\"b\":2}");

        assertThat(JsonWriter.compact(original.with("a", JsonNumber.of(9)))).isEqualTo("{\"a\":9,\"b\":2}");
        assertThat(JsonWriter.compact(original.with("c", JsonNumber.of(3)))).isEqualTo("{\"a\":1,\"b\":2,\"c\":3}");
        assertThat(JsonWriter.compact(original)).isEqualTo("{\"a\":1,\"b\":2}");
    }

    @Test
    void missingMember_readsAsNull() {
        assertThat(JsonObject.empty().get("nothing")).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void depth_countsNestedListsAndObjects() {
        assertThat(JsonString.of("x").depth()).isZero();
        assertThat(JsonArray.empty().depth()).isEqualTo(1);
        assertThat(JsonParser.parse("{\"a\":[{\"b\":1}]}").depth()).isEqualTo(3);
    }

    @Test
    void buildingAValueDeeperThanTheModelAllows_isRefused() {
        JsonValue value = JsonNull.INSTANCE;
        for (int i = 0; i < JsonValue.MAX_DEPTH; i++) {
            value = JsonArray.of(value);
        }
        JsonValue deepest = value;

        assertThat(deepest.depth()).isEqualTo(JsonValue.MAX_DEPTH);
        assertThatThrownBy(() -> JsonArray.of(deepest)).isInstanceOf(JsonTooDeep.class);
        assertThatThrownBy(() -> JsonObject.builder().put("a", deepest)).isInstanceOf(JsonTooDeep.class);
    }
}
