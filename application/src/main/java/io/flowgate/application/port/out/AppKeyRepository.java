package io.flowgate.application.port.out;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppCredentials;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.org.OrgId;

public interface AppKeyRepository {

    /** All keys of the app, in id order; empty for an app of another org. */
    AppCredentials credentialsOf(OrgId orgId, AppId appId);

    /**
     * @throws io.flowgate.domain.Conflict when the app already has a key with that kid
     * @throws io.flowgate.domain.NotFound when the app is not there (checked by the store: it may have
     *                                     been deleted since the caller looked)
     */
    void add(AppKey key);

    void update(AppKey key);

    boolean remove(OrgId orgId, AppKeyId id);
}
