package io.flowgate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void invalidValue_carriesTheFieldAndMessage() {
        InvalidValue error = new InvalidValue("label", "label must not be blank");

        assertThat(error.field()).isEqualTo("label");
        assertThat(error.getMessage()).isEqualTo("label must not be blank");
    }

    @Test
    void businessErrors_areRuntimeExceptionsWithoutAStackTrace() {
        // They are expected outcomes mapped to HTTP statuses, not bugs; filling a stack trace is waste.
        for (DomainException error : new DomainException[] {
                new NotFound("no app"), new Conflict("app is ACTIVE"), new InvalidValue("slug", "bad slug")}) {
            assertThat(error).isInstanceOf(RuntimeException.class);
            assertThat(error.getStackTrace()).isEmpty();
        }
    }
}
