package io.flowgate.application.port.out;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.Kid;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKey.Status;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractSigningKeyRepositoryContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant ROTATED = Instant.parse("2026-04-01T08:30:00.654321Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;

    protected abstract SigningKeyRepository repository();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void twoOrgs() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", CREATED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", CREATED);
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
        });
    }

    private SigningKey key(Org org, String kid, Status status, Instant created) {
        return SigningKey.restore(new SigningKeyId(ids.newId()), org.id(), new Kid(kid), JwsAlgorithm.ES256,
                "{\"kty\":\"EC\",\"kid\":\"" + kid + "\"}", ("sealed " + kid).getBytes(UTF_8), status, created, created);
    }

    private SigningKey add(SigningKey key) {
        unitOfWork().run(() -> repository().add(key));
        return key;
    }

    private SigningKey active(Org org) {
        return unitOfWork().inTransaction(() -> repository().findActive(org.id())).orElseThrow();
    }

    @Test
    void addedKey_isTheOrgsActiveKey_withAllItsFields_andNoOtherOrgSeesIt() {
        // Every byte value, so an encoding that mangles any of them shows.
        byte[] encrypted = new byte[256];
        for (int i = 0; i < encrypted.length; i++) {
            encrypted[i] = (byte) i;
        }
        SigningKey key = add(SigningKey.create(new SigningKeyId(ids.newId()), acme.id(), new Kid("acme-2026-03"),
                JwsAlgorithm.EdDSA, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
                encrypted, CREATED));

        SigningKey found = active(acme);

        assertThat(found.id()).isEqualTo(key.id());
        assertThat(found.orgId()).isEqualTo(acme.id());
        assertThat(found.kid()).isEqualTo(new Kid("acme-2026-03"));
        assertThat(found.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
        assertThat(found.publicJwk()).isEqualTo(key.publicJwk());
        assertThat(found.encryptedPrivateKey()).containsExactly(encrypted);
        assertThat(found.status()).isEqualTo(Status.ACTIVE);
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.statusChanged()).isEqualTo(CREATED);
        assertThat(unitOfWork().inTransaction(() -> repository().listVerifying(acme.id())))
                .extracting(SigningKey::id).containsExactly(key.id());

        assertThat(unitOfWork().inTransaction(() -> repository().findActive(globex.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().listVerifying(globex.id()))).isEmpty();
    }

    @Test
    void secondActiveKeyOfAnOrg_isAConflict_andTheFirstStaysActive() {
        SigningKey first = add(key(acme, "k1", Status.ACTIVE, CREATED));

        assertThatThrownBy(() -> add(key(acme, "k2", Status.ACTIVE, ROTATED)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("ACTIVE");

        assertThat(active(acme).id()).isEqualTo(first.id());
        assertThat(unitOfWork().inTransaction(() -> repository().listVerifying(acme.id())))
                .extracting(SigningKey::id).containsExactly(first.id());
    }

    @Test
    void duplicateKidInOneOrg_isAConflict_butAnotherOrgMayUseIt() {
        SigningKey first = add(key(acme, "k1", Status.PREVIOUS, CREATED));

        assertThatThrownBy(() -> add(key(acme, "k1", Status.ACTIVE, ROTATED)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("k1");
        assertThat(unitOfWork().inTransaction(() -> repository().listVerifying(acme.id())))
                .extracting(SigningKey::id).containsExactly(first.id());

        SigningKey theirs = add(key(globex, "k1", Status.ACTIVE, ROTATED));
        assertThat(active(globex).id()).isEqualTo(theirs.id());
    }

    @Test
    void rotationInOneUnitOfWork_activatesTheNewKey_andTheOldOneStillVerifies() {
        SigningKey old = add(key(acme, "k1", Status.ACTIVE, CREATED));
        SigningKey next = key(acme, "k2", Status.ACTIVE, ROTATED);

        unitOfWork().run(() -> {
            SigningKey current = repository().findActive(acme.id()).orElseThrow();
            current.supersede(ROTATED);
            repository().update(current);
            repository().add(next);
        });

        assertThat(active(acme).id()).isEqualTo(next.id());
        SigningKey previous = unitOfWork().inTransaction(() -> repository().listVerifying(acme.id())).get(1);
        assertThat(previous.id()).isEqualTo(old.id());
        assertThat(previous.status()).isEqualTo(Status.PREVIOUS);
        assertThat(previous.statusChanged()).isEqualTo(ROTATED);
        assertThat(previous.created()).isEqualTo(CREATED);
    }

    @Test
    void changedKey_isStoredOnlyWhenUpdated() {
        add(key(acme, "k1", Status.ACTIVE, CREATED));

        unitOfWork().run(() -> repository().findActive(acme.id()).orElseThrow().supersede(ROTATED));

        assertThat(active(acme).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void listVerifying_isTheOrgsActiveAndPreviousKeys_newestFirst_neverRetired() {
        // Added out of age order, so an order by id or by insertion would show.
        SigningKey newest = add(key(acme, "k3", Status.ACTIVE, CREATED.plus(Duration.ofDays(60))));
        SigningKey retired = add(key(acme, "k1", Status.PREVIOUS, CREATED));
        SigningKey middle = add(key(acme, "k2", Status.PREVIOUS, CREATED.plus(Duration.ofDays(30))));
        add(key(globex, "g1", Status.ACTIVE, CREATED.plus(Duration.ofDays(90))));
        add(key(globex, "g0", Status.PREVIOUS, CREATED.plus(Duration.ofDays(45))));

        unitOfWork().run(() -> {
            retired.retire(ROTATED);
            repository().update(retired);
        });

        assertThat(unitOfWork().inTransaction(() -> repository().listVerifying(acme.id())))
                .extracting(SigningKey::id).containsExactly(newest.id(), middle.id());
    }

    @Test
    void updateOfAKeyTheOrgDoesNotHave_isNotFound_andChangesNothing() {
        SigningKey acmeKey = add(key(acme, "k1", Status.ACTIVE, CREATED));
        SigningKey sameIdInGlobex = SigningKey.restore(acmeKey.id(), globex.id(), acmeKey.kid(), acmeKey.algorithm(),
                acmeKey.publicJwk(), acmeKey.encryptedPrivateKey(), Status.PREVIOUS, CREATED, ROTATED);
        SigningKey unknown = key(acme, "k9", Status.PREVIOUS, CREATED);

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().update(sameIdInGlobex)))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> unitOfWork().run(() -> repository().update(unknown)))
                .isInstanceOf(NotFound.class);

        SigningKey stored = active(acme);
        assertThat(stored.id()).isEqualTo(acmeKey.id());
        assertThat(stored.statusChanged()).isEqualTo(CREATED);
        assertThat(unitOfWork().inTransaction(() -> repository().findActive(globex.id()))).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().listVerifying(acme.id())))
                .extracting(SigningKey::id).containsExactly(acmeKey.id());
    }
}
