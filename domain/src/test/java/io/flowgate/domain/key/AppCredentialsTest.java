package io.flowgate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppCredentialsTest {

    private static final OrgId ORG = new OrgId("org1");
    private static final AppId APP = new AppId("app1");
    private static final AppId OTHER_APP = new AppId("app2");
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);

    private static AppKey key(String id, String kid, LifecycleStatus status) {
        return key(APP, id, kid, status);
    }

    private static AppKey key(AppId app, String id, String kid, LifecycleStatus status) {
        return AppKey.restore(new AppKeyId(id), ORG, app, new Kid(kid), KeyType.EC, JwsAlgorithm.ES256,
                "{\"kty\":\"EC\"}", status, CREATED, CREATED);
    }

    private static AppCredentials credentials(AppKey... keys) {
        return new AppCredentials(APP, List.of(keys));
    }

    @Test
    void keysOfAnotherApp_cannotBeLoadedIntoTheCredentials() {
        AppKey foreign = key(OTHER_APP, "k9", "kid-9", LifecycleStatus.ACTIVE);

        assertThatIllegalArgumentException().isThrownBy(() -> credentials(foreign));
    }

    @Test
    void addingAKeyOfAnotherApp_isRefused() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> credentials.add(key(OTHER_APP, "k2", "kid-2", LifecycleStatus.ACTIVE)));
        assertThat(credentials.keys()).hasSize(1);
    }

    @Test
    void addingAKeyWithANewKid_keepsIt() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));
        AppKey second = key("k2", "kid-2", LifecycleStatus.ACTIVE);

        credentials.add(second);

        assertThat(credentials.keys()).extracting(AppKey::id).containsExactly(new AppKeyId("k1"), new AppKeyId("k2"));
    }

    @Test
    void duplicateKid_isAConflict() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));

        assertThatThrownBy(() -> credentials.add(key("k2", "kid-1", LifecycleStatus.ACTIVE)))
                .isInstanceOf(Conflict.class);
        assertThat(credentials.keys()).hasSize(1);
    }

    @Test
    void duplicateKidOfAnInactiveKey_isAConflictToo() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.INACTIVE));

        assertThatThrownBy(() -> credentials.add(key("k2", "kid-1", LifecycleStatus.ACTIVE)))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void deactivatingTheLastActiveKey_isAConflictAndLeavesItActive() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));

        assertThatThrownBy(() -> credentials.deactivate(new AppKeyId("k1"), LATER)).isInstanceOf(Conflict.class);

        assertThat(credentials.find(new AppKeyId("k1"))).get().extracting(AppKey::status)
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void deactivatingTheOnlyActiveKeyBesideInactiveOnes_isAConflict() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.INACTIVE));

        assertThatThrownBy(() -> credentials.deactivate(new AppKeyId("k1"), LATER)).isInstanceOf(Conflict.class);
    }

    @Test
    void deactivatingOneOfTwoActiveKeys_makesItInactiveAndTouchesLastUpdated() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.ACTIVE));

        AppKey deactivated = credentials.deactivate(new AppKeyId("k1"), LATER);

        assertThat(deactivated.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(deactivated.lastUpdated()).isEqualTo(LATER);
        assertThat(credentials.find(new AppKeyId("k2"))).get().extracting(AppKey::status)
                .isEqualTo(LifecycleStatus.ACTIVE);
    }

    @Test
    void deactivatingAnAlreadyInactiveKey_isAllowedAndChangesNothing() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.INACTIVE));

        AppKey key = credentials.deactivate(new AppKeyId("k2"), LATER);

        assertThat(key.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(key.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void activatingAnInactiveKey_makesItActiveAndTouchesLastUpdated() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.INACTIVE));

        AppKey key = credentials.activate(new AppKeyId("k2"), LATER);

        assertThat(key.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(key.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void activatingAnActiveKey_changesNothing() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));

        AppKey key = credentials.activate(new AppKeyId("k1"), LATER);

        assertThat(key.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(key.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void deletingAnActiveKey_isAConflictAndKeepsIt() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.ACTIVE));

        assertThatThrownBy(() -> credentials.remove(new AppKeyId("k1"))).isInstanceOf(Conflict.class);

        assertThat(credentials.keys()).hasSize(2);
    }

    @Test
    void deletingAnInactiveKey_removesIt() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.INACTIVE));

        AppKey removed = credentials.remove(new AppKeyId("k2"));

        assertThat(removed.id()).isEqualTo(new AppKeyId("k2"));
        assertThat(credentials.keys()).extracting(AppKey::id).containsExactly(new AppKeyId("k1"));
        assertThat(credentials.find(new AppKeyId("k2"))).isEmpty();
    }

    @Test
    void unknownKeyId_isNotFoundForEveryLifecycleOperation() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));
        AppKeyId unknown = new AppKeyId("nope");

        assertThatThrownBy(() -> credentials.activate(unknown, LATER)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> credentials.deactivate(unknown, LATER)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> credentials.remove(unknown)).isInstanceOf(NotFound.class);
        assertThat(credentials.find(unknown)).isEmpty();
    }

    @Test
    void kidInTheHeader_selectsTheActiveKeyWithThatKid() {
        AppKey wanted = key("k2", "kid-2", LifecycleStatus.ACTIVE);
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE), wanted);

        assertThat(credentials.verificationKey(Optional.of(new Kid("kid-2")))).containsSame(wanted);
    }

    @Test
    void kidOfAnInactiveKey_selectsNoKey() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.INACTIVE));

        assertThat(credentials.verificationKey(Optional.of(new Kid("kid-2")))).isEmpty();
    }

    @Test
    void unknownKid_selectsNoKey_evenWhenTheAppHasOneActiveKey() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.ACTIVE));

        assertThat(credentials.verificationKey(Optional.of(new Kid("kid-9")))).isEmpty();
    }

    @Test
    void noKid_selectsTheOnlyActiveKey_ignoringInactiveOnes() {
        AppKey active = key("k2", "kid-2", LifecycleStatus.ACTIVE);
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.INACTIVE), active,
                key("k3", "kid-3", LifecycleStatus.INACTIVE));

        assertThat(credentials.verificationKey(Optional.empty())).containsSame(active);
    }

    @Test
    void noKid_selectsNoKey_whenSeveralAreActive() {
        AppCredentials credentials = credentials(
                key("k1", "kid-1", LifecycleStatus.ACTIVE), key("k2", "kid-2", LifecycleStatus.ACTIVE));

        assertThat(credentials.verificationKey(Optional.empty())).isEmpty();
    }

    @Test
    void noKid_selectsNoKey_whenNoneIsActive() {
        AppCredentials credentials = credentials(key("k1", "kid-1", LifecycleStatus.INACTIVE));

        assertThat(credentials.verificationKey(Optional.empty())).isEmpty();
    }

    @Test
    void keys_isASnapshotThatLaterChangesDoNotTouch() {
        List<AppKey> loaded = new ArrayList<>(List.of(key("k1", "kid-1", LifecycleStatus.ACTIVE)));
        AppCredentials credentials = new AppCredentials(APP, loaded);
        List<AppKey> before = credentials.keys();

        loaded.clear();
        credentials.add(key("k2", "kid-2", LifecycleStatus.ACTIVE));

        assertThat(before).hasSize(1);
        assertThat(credentials.keys()).hasSize(2);
        assertThatThrownBy(() -> before.add(key("k3", "kid-3", LifecycleStatus.ACTIVE)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
