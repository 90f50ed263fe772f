package io.flowgate.domain.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.SecretHash;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

    private static final AdminTokenId ID = new AdminTokenId("tok1");
    private static final OrgId ORG = new OrgId("org1");
    private static final SecretHash HASH = new SecretHash("abc123hash");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void issue_keepsOnlyTheHash_andStripsTheName() {
        AdminToken token = AdminToken.issue(ID, ORG, "  ci pipeline ", HASH, NOW);

        assertThat(token.id()).isEqualTo(ID);
        assertThat(token.orgId()).isEqualTo(ORG);
        assertThat(token.name()).isEqualTo("ci pipeline");
        assertThat(token.tokenHash()).isEqualTo(HASH);
        assertThat(token.created()).isEqualTo(NOW);
    }

    @Test
    void nameOf100Characters_isAccepted_and101IsRefused() {
        assertThat(AdminToken.issue(ID, ORG, "n".repeat(100), HASH, NOW).name()).hasSize(100);
        assertThatThrownBy(() -> AdminToken.issue(ID, ORG, "n".repeat(101), HASH, NOW))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void blankName_isRefused() {
        assertThatThrownBy(() -> AdminToken.issue(ID, ORG, "", HASH, NOW)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void tokenWithoutAHash_isRefused() {
        assertThatNullPointerException().isThrownBy(() -> AdminToken.issue(ID, ORG, "ci", null, NOW));
    }

    @Test
    void restore_keepsTheStoredCreationTime() {
        Instant stored = Instant.parse("2021-02-03T04:05:06Z");

        assertThat(AdminToken.restore(ID, ORG, "ci", HASH, stored).created()).isEqualTo(stored);
    }
}
