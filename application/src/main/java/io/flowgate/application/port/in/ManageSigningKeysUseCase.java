package io.flowgate.application.port.in;

import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import java.util.List;
import java.util.Optional;

/** The org's access-token signing keys, and their rotation. */
public interface ManageSigningKeysUseCase {

    /** The ACTIVE key and the PREVIOUS keys still within their overlap, newest first. */
    List<SigningKey> listSigningKeys(AdminContext admin);

    /**
     * Makes a new ACTIVE key (with the given algorithm, else the current key's). The current key turns
     * PREVIOUS and keeps verifying the tokens it signed until they have all expired (the overlap);
     * older PREVIOUS keys past their overlap, which verify nothing any more, are marked retired.
     */
    SigningKey rotateSigningKey(AdminContext admin, Optional<JwsAlgorithm> algorithm);
}
