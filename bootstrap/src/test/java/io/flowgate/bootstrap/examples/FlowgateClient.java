package io.flowgate.bootstrap.examples;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;

/**
 * Invokes the flows of one Flowgate org as an API service app. It authenticates with its private
 * key (private_key_jwt, RFC 7523), asks for the scope okta.workflows.invoke.manage, and reuses the
 * access token until a minute before it expires.
 */
public final class FlowgateClient {

    private static final Scope INVOKE_FLOWS = new Scope("okta.workflows.invoke.manage");

    private final URI issuer;
    private final ClientID clientId;
    private final RSAKey privateKey;
    private AccessToken token;
    private Instant renewAt = Instant.MIN;

    /**
     * @param issuer     the org's issuer, e.g. {@code https://flowgate.example.com/orgs/acme}
     * @param clientId   the app's client id
     * @param privateKey the app's private key, as the {@code privateJwk} that generating it returned
     */
    public FlowgateClient(URI issuer, String clientId, RSAKey privateKey) {
        this.issuer = issuer;
        this.clientId = new ClientID(clientId);
        this.privateKey = privateKey;
    }

    /** POSTs a JSON body to a flow's invoke URL; the answer is the flow's output. */
    public HTTPResponse invoke(String alias, String json) throws IOException, ParseException, JOSEException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST,
                URI.create(issuer + "/api/flo/" + alias + "/invoke"));
        request.setAuthorization(accessToken().toAuthorizationHeader());
        request.setEntityContentType(ContentType.APPLICATION_JSON);
        request.setBody(json);
        return request.send();
    }

    /** The current access token, or a new one from the org's token endpoint. */
    public synchronized AccessToken accessToken() throws IOException, ParseException, JOSEException {
        if (token == null || !Instant.now().isBefore(renewAt)) {
            URI tokenEndpoint = URI.create(issuer + "/oauth2/v1/token");
            // a signed JWT with iss = sub = the client id, aud = the token endpoint, a fresh jti, 5 minutes to live
            PrivateKeyJWT clientAuthentication = new PrivateKeyJWT(clientId, tokenEndpoint, JWSAlgorithm.RS256,
                    privateKey.toPrivateKey(), privateKey.getKeyID(), null);
            TokenRequest request = new TokenRequest(tokenEndpoint, clientAuthentication,
                    new ClientCredentialsGrant(), INVOKE_FLOWS);
            TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                throw new IOException("token request refused: " + error.getCode() + ": " + error.getDescription());
            }
            token = response.toSuccessResponse().getTokens().getAccessToken();
            renewAt = Instant.now().plusSeconds(token.getLifetime() - 60);
        }
        return token;
    }
}
