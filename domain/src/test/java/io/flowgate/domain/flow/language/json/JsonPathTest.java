package io.flowgate.domain.flow.language.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {

    private static final JsonValue DOCUMENT = JsonParser.parse(
            "{\"user\":{\"email\":\"ada@example.com\",\"tags\":[\"a\",{\"c\":true}]},"
                    + "\"items\":[10,20],\"content-type\":\"xml\",\"dotted.key\":1,\"sp ace\":2,\"q\\\"uote\":3}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user.email|\"ada@example.com\"",
        "items[0]|10",
        "items[1]|20",
        "user.tags[1].c|true",
        "content-type|\"xml\"",
        "[\"dotted.key\"]|1",
        "[\"sp ace\"]|2",
        "[\"q\\\"uote\"]|3",
        "user[\"email\"]|\"ada@example.com\"",
        "items[2]|null",
        "user.missing.deeper|null",
        "items.first|null",
        "user[0]|null",
        "user.email.length|null",
    })
    void get_followsTheSegments_andGivesNullWhereThePathLeadsNowhere(String path, String expected) {
        assertThat(JsonPath.parse(path).get(DOCUMENT)).isEqualTo(JsonParser.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "a[", "a[]", "a[-1]", "a[01]", "a[x]", "a b", "a[\"x]",
        "a[1]b", "a[9999999999]"})
    void malformedPaths_areRejected(String path) {
        assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void set_replacesAValue_andCreatesMissingObjectsOnTheWay() {
        JsonValue updated = JsonPath.parse("user.address.city").set(DOCUMENT, JsonString.of("Paris"));

        assertThat(JsonPath.parse("user.address.city").get(updated)).isEqualTo(JsonString.of("Paris"));
        assertThat(JsonPath.parse("user.address").get(DOCUMENT)).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void set_inAList_replacesTheItemAtAnExistingIndex() {
        JsonValue updated = JsonPath.parse("user.tags[1].c").set(DOCUMENT, JsonBoolean.FALSE);

        assertThat(JsonWriter.compact(JsonPath.parse("user.tags").get(updated))).isEqualTo("[\"a\",{\"c\":false}]");
    }

    @Test
    void set_throughAListIndexThatDoesNotExist_isRefused() {
        assertThatThrownBy(() -> JsonPath.parse("items[5]").set(DOCUMENT, JsonNull.INSTANCE))
                .hasMessage("index 5 is out of range for a list of 2 items");
    }

    @Test
    void set_insideAScalar_isRefused() {
        assertThatThrownBy(() -> JsonPath.parse("user.email.domain").set(DOCUMENT, JsonNull.INSTANCE))
                .hasMessage("cannot set 'domain' inside text");
    }

    @Test
    void set_alongAPathAsDeepAsAValueMayNest_buildsIt() {
        JsonValue updated = JsonPath.parse("a" + ".a".repeat(JsonValue.MAX_DEPTH - 1)).set(JsonObject.empty(),
                JsonNumber.of(1));

        assertThat(updated.depth()).isEqualTo(JsonValue.MAX_DEPTH);
    }

    @Test
    void set_alongAPathDeeperThanAValueMayNest_isRefusedBeforeWalkingIt() {
        JsonPath deep = JsonPath.parse("a" + ".a".repeat(100_000));

        assertThatThrownBy(() -> deep.set(JsonObject.empty(), JsonNull.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a path to set may have at most 128 segments, as values nest at most 128 levels deep;"
                        + " this one has 100,001");
    }
}
