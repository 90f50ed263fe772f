package io.flowgate.domain.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrgTest {

    private static final OrgId ID = new OrgId("org1");
    private static final OrgSlug SLUG = new OrgSlug("acme");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void create_keepsItsSlugAndTime_andStripsTheName() {
        Org org = Org.create(ID, SLUG, "  Acme Inc  ", NOW);

        assertThat(org.id()).isEqualTo(ID);
        assertThat(org.slug()).isEqualTo(SLUG);
        assertThat(org.name()).isEqualTo("Acme Inc");
        assertThat(org.created()).isEqualTo(NOW);
    }

    @Test
    void nameOf200Characters_isAccepted_and201IsRefused() {
        assertThat(Org.create(ID, SLUG, "n".repeat(200), NOW).name()).hasSize(200);
        assertThatThrownBy(() -> Org.create(ID, SLUG, "n".repeat(201), NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void blankName_isRefused() {
        assertThatThrownBy(() -> Org.create(ID, SLUG, " ", NOW)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void restore_keepsTheStoredCreationTime() {
        Instant stored = Instant.parse("2020-05-05T10:00:00Z");

        assertThat(Org.restore(ID, SLUG, "Acme", stored).created()).isEqualTo(stored);
    }

    @Test
    void missingIdSlugOrTime_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> Org.create(null, SLUG, "Acme", NOW));
        assertThatNullPointerException().isThrownBy(() -> Org.create(ID, null, "Acme", NOW));
        assertThatNullPointerException().isThrownBy(() -> Org.create(ID, SLUG, "Acme", null));
    }
}
