package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppCredentials;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import io.flowgate.domain.key.Kid;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AppKeyRepository} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractAppKeyRepositoryContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2026-03-02T08:30:00.654321Z");
    private static final String EC_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;
    private App invoker;
    private App reporter;

    protected abstract AppKeyRepository repository();

    protected abstract AppRepository apps();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    /** Two orgs; acme has two apps, so keys can be told apart by app as well as by org. */
    @BeforeEach
    void twoOrgsWithApps() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", CREATED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", CREATED);
        invoker = App.register(new AppId(ids.newId()), acme.id(), "Invoker", CREATED);
        reporter = App.register(new AppId(ids.newId()), acme.id(), "Reporter", CREATED);
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
            apps().add(invoker);
            apps().add(reporter);
        });
    }

    private AppKey newKey(App app, String kid) {
        return AppKey.add(new AppKeyId(ids.newId()), app.orgId(), app.id(), new Kid(kid), KeyType.EC,
                JwsAlgorithm.ES256, EC_JWK, CREATED);
    }

    private AppKey add(AppKey key) {
        unitOfWork().run(() -> repository().add(key));
        return key;
    }

    private AppCredentials credentialsOf(Org org, App app) {
        return unitOfWork().inTransaction(() -> repository().credentialsOf(org.id(), app.id()));
    }

    private List<AppKey> keysOf(Org org, App app) {
        return credentialsOf(org, app).keys();
    }

    @Test
    void addedKey_isInItsAppsCredentials_withAllItsFields() {
        String rsaJwk = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN\",\"e\":\"AQAB\"}";
        AppKey key = add(AppKey.add(new AppKeyId(ids.newId()), acme.id(), invoker.id(), new Kid("2026-03"),
                KeyType.RSA, JwsAlgorithm.PS384, rsaJwk, CREATED));

        AppCredentials credentials = credentialsOf(acme, invoker);

        assertThat(credentials.keys()).hasSize(1);
        AppKey found = credentials.find(key.id()).orElseThrow();
        assertThat(found.orgId()).isEqualTo(acme.id());
        assertThat(found.appId()).isEqualTo(invoker.id());
        assertThat(found.kid()).isEqualTo(new Kid("2026-03"));
        assertThat(found.keyType()).isEqualTo(KeyType.RSA);
        assertThat(found.algorithm()).isEqualTo(JwsAlgorithm.PS384);
        assertThat(found.publicJwk()).isEqualTo(rsaJwk);
        assertThat(found.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void credentialsOf_holdOnlyThatAppsKeys_inIdOrder() {
        AppKey first = newKey(invoker, "a");
        AppKey other = newKey(reporter, "b");
        AppKey second = newKey(invoker, "c");
        // stored against id order, so an implementation that returns rows as stored fails
        add(second);
        add(other);
        add(first);

        assertThat(keysOf(acme, invoker)).extracting(AppKey::id).containsExactly(first.id(), second.id());
        assertThat(keysOf(acme, reporter)).extracting(AppKey::id).containsExactly(other.id());
    }

    @Test
    void credentialsOfAnotherOrgsAppOrAnUnknownApp_areEmpty() {
        add(newKey(invoker, "a"));

        assertThat(keysOf(globex, invoker)).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().credentialsOf(acme.id(), new AppId("nosuchapp")))
                .keys()).isEmpty();
    }

    @Test
    void duplicateKidWithinAnApp_isAConflict_andTheFirstKeyIsKept() {
        AppKey first = add(newKey(invoker, "shared-kid"));
        AppKey duplicate = AppKey.add(new AppKeyId(ids.newId()), acme.id(), invoker.id(), new Kid("shared-kid"),
                KeyType.OKP, JwsAlgorithm.EdDSA, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AAAA\"}", LATER);

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().add(duplicate)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("shared-kid");

        List<AppKey> keys = keysOf(acme, invoker);
        assertThat(keys).extracting(AppKey::id).containsExactly(first.id());
        assertThat(keys.get(0).publicJwk()).isEqualTo(EC_JWK);
    }

    /** What an admin adding a key meets when another deletes the app in between. */
    @Test
    void keyOfARemovedApp_isNotFound_andNothingIsStored() {
        unitOfWork().run(() -> apps().remove(acme.id(), invoker.id()));

        assertThatThrownBy(() -> add(newKey(invoker, "a")))
                .isInstanceOf(NotFound.class)
                .hasMessageContaining(invoker.id().value());

        assertThat(keysOf(acme, invoker)).isEmpty();
    }

    @Test
    void sameKidInTwoApps_isAllowed() {
        AppKey ofInvoker = add(newKey(invoker, "shared-kid"));
        AppKey ofReporter = add(newKey(reporter, "shared-kid"));

        assertThat(keysOf(acme, invoker)).extracting(AppKey::id).containsExactly(ofInvoker.id());
        assertThat(keysOf(acme, reporter)).extracting(AppKey::id).containsExactly(ofReporter.id());
    }

    @Test
    void update_storesStatusAndLastUpdated() {
        AppKey retiring = add(newKey(invoker, "old"));
        AppKey staying = add(newKey(invoker, "new"));
        AppKey deactivated = credentialsOf(acme, invoker).deactivate(retiring.id(), LATER);

        unitOfWork().run(() -> repository().update(deactivated));

        AppCredentials reloaded = credentialsOf(acme, invoker);
        AppKey found = reloaded.find(retiring.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(found.created()).isEqualTo(CREATED);
        assertThat(found.lastUpdated()).isEqualTo(LATER);
        assertThat(found.kid()).isEqualTo(new Kid("old"));
        assertThat(reloaded.find(staying.id()).orElseThrow().status()).isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void changesNotPassedToUpdate_areNotStored() {
        AppKey added = add(newKey(invoker, "a"));
        AppKey other = add(newKey(invoker, "b"));
        // the very objects that were added, changed afterwards
        new AppCredentials(invoker.id(), List.of(added, other)).deactivate(added.id(), LATER);
        // and a loaded copy, changed
        credentialsOf(acme, invoker).deactivate(other.id(), LATER);

        assertThat(keysOf(acme, invoker)).extracting(AppKey::status)
                .containsExactly(LifecycleStatus.ACTIVE, LifecycleStatus.ACTIVE);
    }

    @Test
    void updateOfAKeyNeverAdded_failsAndStoresNothing() {
        AppKey key = newKey(invoker, "a");

        assertThatThrownBy(() -> unitOfWork().run(() -> repository().update(key)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(keysOf(acme, invoker)).isEmpty();
    }

    @Test
    void remove_deletesOnlyWithinTheOwningOrg() {
        AppKey key = add(newKey(invoker, "a"));

        assertThat(unitOfWork().inTransaction(() -> repository().remove(globex.id(), key.id()))).isFalse();
        assertThat(keysOf(acme, invoker)).extracting(AppKey::id).containsExactly(key.id());

        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), key.id()))).isTrue();
        assertThat(keysOf(acme, invoker)).isEmpty();
        assertThat(unitOfWork().inTransaction(() -> repository().remove(acme.id(), key.id()))).isFalse();
    }
}
