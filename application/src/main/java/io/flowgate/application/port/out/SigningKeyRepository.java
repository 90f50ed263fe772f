package io.flowgate.application.port.out;

import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public interface SigningKeyRepository {

    /** @throws io.flowgate.domain.Conflict when the org already has an ACTIVE key, or the kid is taken */
    void add(SigningKey key);

    void update(SigningKey key);

    /** The key that signs new tokens. */
    Optional<SigningKey> findActive(OrgId orgId);

    /**
     * The ACTIVE and PREVIOUS keys, newest first: those whose tokens may still verify. A PREVIOUS key
     * verifies only within its overlap ({@link SigningKey#verifiesAt}), which the caller applies.
     */
    List<SigningKey> listVerifying(OrgId orgId);
}
