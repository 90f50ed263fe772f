package io.flowgate.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.port.in.InvokeFlowUseCase.PresentedCredential;
import org.junit.jupiter.api.Test;

/** How the invoke endpoint reads an Authorization header (RFC 6750 §2.1). */
class BearerCredentialTest {

    @Test
    void everyB64TokenCharacter_withTrailingPadding_isABearerToken() {
        String token = "ABCXYZabcxyz0189-._~+/==";

        assertThat(InvokeResource.credential("Bearer " + token)).isEqualTo(new PresentedCredential.Bearer(token));
        assertThat(InvokeResource.credential("bearer eyJ.eyJ.sig")).isEqualTo(new PresentedCredential.Bearer("eyJ.eyJ.sig"));
    }

    @Test
    void characterOutsideB64Token_isMalformed() {
        for (String token : new String[] {"abc def", "abc!", "ab,c", "é", "abc\tdef", "\"abc\"", "abc;", "a:b", "a@b"}) {
            assertThat(InvokeResource.credential("Bearer " + token)).as(token)
                    .isInstanceOf(PresentedCredential.MalformedBearer.class);
        }
    }

    @Test
    void paddingAnywhereButTheEnd_orOnlyPadding_isMalformed() {
        for (String token : new String[] {"=", "===", "=abc", "ab=c", "abc=d=", ""}) {
            assertThat(InvokeResource.credential("Bearer " + token)).as(token)
                    .isInstanceOf(PresentedCredential.MalformedBearer.class);
        }
    }

    @Test
    void bearerWithoutItsSpaceAndToken_isMalformed_whileAnotherSchemeIsNoCredential() {
        assertThat(InvokeResource.credential("Bearer")).isInstanceOf(PresentedCredential.MalformedBearer.class);
        assertThat(InvokeResource.credential(null)).isInstanceOf(PresentedCredential.NoCredential.class);
        assertThat(InvokeResource.credential("Basic YWxhZGRpbjpvcGVuc2VzYW1l"))
                .isInstanceOf(PresentedCredential.NoCredential.class);
        assertThat(InvokeResource.credential("Bearerish abc")).isInstanceOf(PresentedCredential.NoCredential.class);
    }
}
