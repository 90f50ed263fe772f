package io.flowgate.application.service;

import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.org.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An org's signing keys whose tokens verify now: the ACTIVE key, and PREVIOUS ones within the overlap
 * after their rotation. Past it a PREVIOUS key verifies nothing, though only the next rotation retires it.
 */
public final class VerifyingKeys {

    private final SigningKeyRepository signingKeys;
    private final Duration overlap;

    /** @param overlap how long a superseded key keeps verifying: the token lifetime plus the clock skew */
    public VerifyingKeys(SigningKeyRepository signingKeys, Duration overlap) {
        this.signingKeys = signingKeys;
        this.overlap = overlap;
    }

    List<SigningKey> of(OrgId org, Instant now) {
        List<SigningKey> keys = signingKeys.listVerifying(org);
        // Almost always every key is in its overlap: the list is then the repository's, without a copy.
        for (SigningKey key : keys) {
            if (!verifies(key, now)) {
                return keys.stream().filter(each -> verifies(each, now)).toList();
            }
        }
        return keys;
    }

    boolean verifies(SigningKey key, Instant now) {
        return key.verifiesAt(now, overlap);
    }
}
