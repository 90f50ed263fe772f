package io.flowgate.application.port.in;

import io.flowgate.domain.org.OrgSlug;
import java.util.Optional;

public interface AuthenticateAdminUseCase {

    /**
     * The admin context when {@code token} is an admin token of the org {@code slug} names; empty
     * for an unknown org, an unknown token, or a token of another org alike.
     */
    Optional<AdminContext> authenticate(OrgSlug slug, String token);
}
