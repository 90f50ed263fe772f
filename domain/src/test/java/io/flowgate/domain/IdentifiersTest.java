package io.flowgate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.scope.ScopeGrantId;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "7", "aB3xY9", "0000"})
    void asciiLettersAndDigits_areAcceptedAsGiven(String value) {
        assertThat(Identifiers.require(value, "appId")).isEqualTo(value);
    }

    @Test
    void sixtyFourCharacters_isTheLongestIdAccepted() {
        String longest = "a".repeat(64);

        assertThat(Identifiers.require(longest, "appId")).isEqualTo(longest);
    }

    @Test
    void sixtyFiveCharacters_isRefused() {
        assertThatThrownBy(() -> Identifiers.require("a".repeat(65), "appId")).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with-dash", "under_score", "dot.ted", "with space", "slash/", "caf\u00e9", "\u0661\u0662"})
    void emptyOrNonAlphanumericId_isAnInvalidValueNamingTheField(String value) {
        assertThatThrownBy(() -> Identifiers.require(value, "flowId"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("flowId"));
    }

    static Stream<Arguments> typedIds() {
        return Stream.of(
                typedId("AppId", AppId::new, "appId"),
                typedId("OrgId", OrgId::new, "orgId"),
                typedId("AdminTokenId", AdminTokenId::new, "adminTokenId"),
                typedId("AppKeyId", AppKeyId::new, "keyId"),
                typedId("SigningKeyId", SigningKeyId::new, "signingKeyId"),
                typedId("ScopeGrantId", ScopeGrantId::new, "grantId"),
                typedId("FlowId", FlowId::new, "flowId"),
                typedId("ExecutionId", ExecutionId::new, "executionId"),
                typedId("LogEventId", LogEventId::new, "logEventId"));
    }

    private static Arguments typedId(String name, Function<String, Object> constructor, String field) {
        return arguments(Named.of(name, constructor), field);
    }

    @ParameterizedTest
    @MethodSource("typedIds")
    void typedId_refusesAMalformedValueUnderItsOwnFieldName(Function<String, Object> constructor, String field) {
        assertThatThrownBy(() -> constructor.apply("not-an-id"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThatThrownBy(() -> constructor.apply(null)).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @MethodSource("typedIds")
    void typedId_printsAsItsBareValue(Function<String, Object> constructor, String field) {
        assertThat(constructor.apply("abc123")).hasToString("abc123");
    }
}
