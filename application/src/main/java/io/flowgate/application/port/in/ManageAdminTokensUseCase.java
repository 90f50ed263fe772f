package io.flowgate.application.port.in;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import java.util.List;

/** The org's admin API tokens: issued once in plaintext, listed by name, revoked by id. */
public interface ManageAdminTokensUseCase {

    record IssuedAdminToken(AdminToken token, String secret) {
        @Override
        public String toString() {
            return "IssuedAdminToken[" + token.id() + ", secret redacted]";
        }
    }

    IssuedAdminToken issueAdminToken(AdminContext admin, String name);

    List<AdminToken> listAdminTokens(AdminContext admin, PageRequest page);

    /** @throws io.flowgate.domain.Conflict for the org's last token, which would lock the org out */
    void revokeAdminToken(AdminContext admin, AdminTokenId tokenId);
}
