package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageAppKeysUseCase;
import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.KeyPairGenerator;
import io.flowgate.application.port.out.KeyPairGenerator.GeneratedKeyPair;
import io.flowgate.application.port.out.ParsedPublicKey;
import io.flowgate.application.port.out.PublicKeyParser;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppCredentials;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import java.util.List;

public final class AppKeyAdministrationService implements ManageAppKeysUseCase {

    private final UnitOfWork unitOfWork;
    private final AppRepository apps;
    private final AppKeyRepository keys;
    private final PublicKeyParser parser;
    private final KeyPairGenerator generator;
    private final Clock clock;
    private final IdGenerator ids;
    private final AdminAudit audit;

    public AppKeyAdministrationService(UnitOfWork unitOfWork, AppRepository apps, AppKeyRepository keys,
                                       PublicKeyParser parser, KeyPairGenerator generator, SystemLog systemLog,
                                       Clock clock, IdGenerator ids) {
        this.unitOfWork = unitOfWork;
        this.apps = apps;
        this.keys = keys;
        this.parser = parser;
        this.generator = generator;
        this.clock = clock;
        this.ids = ids;
        this.audit = new AdminAudit(systemLog, clock, ids);
    }

    @Override
    public AppKey addPublicKey(AdminContext admin, AppId appId, String jwkJson) {
        ParsedPublicKey parsed = parser.parse(jwkJson);
        return unitOfWork.inTransaction(() -> add(admin, appId, parsed));
    }

    @Override
    public GeneratedAppKey generateKey(AdminContext admin, AppId appId, JwsAlgorithm algorithm) {
        GeneratedKeyPair pair = generator.generate(algorithm);
        return unitOfWork.inTransaction(() -> new GeneratedAppKey(add(admin, appId, pair.publicKey()), pair));
    }

    private AppKey add(AdminContext admin, AppId appId, ParsedPublicKey parsed) {
        AppCredentials credentials = credentials(admin, appId);
        AppKey key = AppKey.add(new AppKeyId(ids.newId()), admin.orgId(), appId, parsed.kid(), parsed.keyType(),
                parsed.algorithm(), parsed.publicJwkJson(), clock.now());
        credentials.add(key);
        keys.add(key);
        audit.record(admin, "app.key.created", target(appId, key.id()));
        return key;
    }

    @Override
    public List<AppKey> listKeys(AdminContext admin, AppId appId) {
        return unitOfWork.inTransaction(() -> credentials(admin, appId).keys());
    }

    @Override
    public AppKey getKey(AdminContext admin, AppId appId, AppKeyId keyId) {
        return unitOfWork.inTransaction(() -> credentials(admin, appId).find(keyId)
                .orElseThrow(() -> new NotFound("no key " + keyId + " for app " + appId)));
    }

    @Override
    public AppKey activateKey(AdminContext admin, AppId appId, AppKeyId keyId) {
        return unitOfWork.inTransaction(() -> {
            AppKey key = credentials(admin, appId).activate(keyId, clock.now());
            keys.update(key);
            audit.record(admin, "app.key.activated", target(appId, keyId));
            return key;
        });
    }

    @Override
    public AppKey deactivateKey(AdminContext admin, AppId appId, AppKeyId keyId) {
        return unitOfWork.inTransaction(() -> {
            AppKey key = credentials(admin, appId).deactivate(keyId, clock.now());
            keys.update(key);
            audit.record(admin, "app.key.deactivated", target(appId, keyId));
            return key;
        });
    }

    @Override
    public void deleteKey(AdminContext admin, AppId appId, AppKeyId keyId) {
        unitOfWork.run(() -> {
            credentials(admin, appId).remove(keyId);
            keys.remove(admin.orgId(), keyId);
            audit.record(admin, "app.key.deleted", target(appId, keyId));
        });
    }

    /**
     * The app's keys; an unknown app (or one of another org) is not found, rather than keyless. The
     * app's lock is taken first and held to the end of the transaction, so two admins deactivating
     * its last two active keys at once cannot both succeed, and an app deleted meanwhile is not found.
     */
    private AppCredentials credentials(AdminContext admin, AppId appId) {
        AppLock.hold(unitOfWork, appId);
        apps.find(admin.orgId(), appId).orElseThrow(() -> new NotFound("no app " + appId));
        return keys.credentialsOf(admin.orgId(), appId);
    }

    private static String target(AppId appId, AppKeyId keyId) {
        return "app:" + appId + "/key:" + keyId;
    }
}
