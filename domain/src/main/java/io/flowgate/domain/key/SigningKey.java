package io.flowgate.domain.key;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.org.OrgId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One of an org's access-token signing keys. The private key is held only encrypted; which cipher
 * is the adapter's business. One key per org is ACTIVE (signs); after a rotation the old one is
 * PREVIOUS, and verifies for an overlap period, until it is RETIRED.
 */
public final class SigningKey {

    public enum Status { ACTIVE, PREVIOUS, RETIRED }

    private final SigningKeyId id;
    private final OrgId orgId;
    private final Kid kid;
    private final JwsAlgorithm algorithm;
    private final String publicJwk;
    private final byte[] encryptedPrivateKey;
    private Status status;
    private final Instant created;
    private Instant statusChanged;

    private SigningKey(SigningKeyId id, OrgId orgId, Kid kid, JwsAlgorithm algorithm, String publicJwk,
                       byte[] encryptedPrivateKey, Status status, Instant created, Instant statusChanged) {
        this.id = Objects.requireNonNull(id);
        this.orgId = Objects.requireNonNull(orgId);
        this.kid = Objects.requireNonNull(kid);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.publicJwk = Objects.requireNonNull(publicJwk);
        if (encryptedPrivateKey == null || encryptedPrivateKey.length == 0) {
            throw new IllegalArgumentException("a signing key needs its encrypted private key");
        }
        this.encryptedPrivateKey = encryptedPrivateKey.clone();
        this.status = Objects.requireNonNull(status);
        this.created = Objects.requireNonNull(created);
        this.statusChanged = Objects.requireNonNull(statusChanged);
    }

    public static SigningKey create(SigningKeyId id, OrgId orgId, Kid kid, JwsAlgorithm algorithm,
                                    String publicJwk, byte[] encryptedPrivateKey, Instant now) {
        return new SigningKey(id, orgId, kid, algorithm, publicJwk, encryptedPrivateKey, Status.ACTIVE, now, now);
    }

    public static SigningKey restore(SigningKeyId id, OrgId orgId, Kid kid, JwsAlgorithm algorithm,
                                     String publicJwk, byte[] encryptedPrivateKey, Status status,
                                     Instant created, Instant statusChanged) {
        return new SigningKey(id, orgId, kid, algorithm, publicJwk, encryptedPrivateKey, status, created, statusChanged);
    }

    /** A rotation moves the signing key aside: it stops signing but still verifies tokens it signed. */
    public void supersede(Instant now) {
        if (status != Status.ACTIVE) {
            throw new Conflict("only the ACTIVE signing key can be superseded; " + kid + " is " + status);
        }
        status = Status.PREVIOUS;
        statusChanged = now;
    }

    public void retire(Instant now) {
        if (status == Status.ACTIVE) {
            throw new Conflict("the ACTIVE signing key " + kid + " cannot be retired; rotate first");
        }
        if (status == Status.RETIRED) {
            return; // keep the time it was actually retired
        }
        status = Status.RETIRED;
        statusChanged = now;
    }

    public boolean signs() {
        return status == Status.ACTIVE;
    }

    /**
     * Whether tokens signed with this key are accepted at {@code now}: the ACTIVE key's always; a
     * PREVIOUS key's for {@code overlap} after it was superseded (the token lifetime plus the clock
     * skew, by which every token it signed has expired), whether or not a later rotation has retired it yet.
     */
    public boolean verifiesAt(Instant now, Duration overlap) {
        return switch (status) {
            case ACTIVE -> true;
            case PREVIOUS -> statusChanged.plus(overlap).isAfter(now);
            case RETIRED -> false;
        };
    }

    public SigningKeyId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public Kid kid() {
        return kid;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public byte[] encryptedPrivateKey() {
        return encryptedPrivateKey.clone();
    }

    public Status status() {
        return status;
    }

    public Instant created() {
        return created;
    }

    public Instant statusChanged() {
        return statusChanged;
    }

    @Override
    public String toString() {
        return "SigningKey[" + kid + ", " + algorithm + ", " + status + "]";
    }
}
