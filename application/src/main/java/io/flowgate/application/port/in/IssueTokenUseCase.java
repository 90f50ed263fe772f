package io.flowgate.application.port.in;

import io.flowgate.domain.org.OrgSlug;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The token endpoint: client credentials grant with {@code private_key_jwt} client authentication. */
public interface IssueTokenUseCase {

    /**
     * The form of a token request, as sent. {@code otherClientAuthentication} is true when the request
     * also carries another client authentication (an HTTP Basic header or a {@code client_secret});
     * {@code repeatedParameter} when a form parameter was sent more than once (RFC 6749 §3.2).
     */
    record TokenRequest(OrgSlug slug, Optional<String> grantType, Optional<String> scope,
                        Optional<String> clientAssertionType, Optional<String> clientAssertion,
                        Optional<String> clientId, boolean otherClientAuthentication, boolean repeatedParameter) {

        public TokenRequest {
            Objects.requireNonNull(slug);
        }
    }

    sealed interface TokenResult {
    }

    record Issued(String accessToken, long expiresInSeconds, List<ScopeName> scopes) implements TokenResult {
        public Issued {
            scopes = List.copyOf(scopes);
        }
    }

    /** A refusal: the OAuth error and a description that explains it without echoing the request. */
    record Refused(OAuthError error, String description) implements TokenResult {
    }

    /**
     * The answer, once what it depends on is durable: an issued token once its assertion is recorded as used
     * (which takes a commit, so the future completes later, on another thread); a refusal found before that,
     * at once.
     *
     * @throws io.flowgate.domain.NotFound when there is no org with that slug
     */
    CompletableFuture<TokenResult> issueToken(TokenRequest request);
}
