package io.flowgate.domain.flow.language.card;

import io.flowgate.domain.flow.language.StepFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** How date cards read a date: an ISO-8601 instant with Z or an offset, or a calendar date meaning midnight UTC. */
final class Dates {

    private Dates() {
    }

    static Instant parse(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new StepFailure("'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "' is not an ISO-8601 date like 2024-05-01T10:00:00Z, 2024-05-01T12:00:00+02:00 or 2024-05-01");
        }
    }
}
