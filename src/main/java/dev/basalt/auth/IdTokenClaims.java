package dev.basalt.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The claims of an OpenID Connect {@code id_token}, checked as PocketBase checks them: audience is the client id,
 * not issued in the future, not before its {@code nbf}, not expired (expiry required for Apple), the issuer one of
 * the given ones, and the signature by a key of the given key set (JWKS) when one is given. The token came
 * straight from the provider's token endpoint over TLS, which is why the signature check is optional for generic
 * OpenID Connect, as in PocketBase.
 */
final class IdTokenClaims {
    /** PocketBase's default leeway of the time claims ({@code PB_ID_TOKEN_LEEWAY}). */
    static final Duration LEEWAY = Duration.ofMinutes(5);

    private IdTokenClaims() {
    }

    static Map<String, Object> claims(String idToken, String audience, String jwksURL, List<String> issuers,
                                      boolean expiryRequired, Function<String, Map<String, Object>> fetch) {
        if (idToken == null || idToken.isEmpty()) {
            throw new OAuth2Client.ProviderException("empty id_token");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            long now = System.currentTimeMillis();
            long leeway = LEEWAY.toMillis();
            Date exp = claims.getExpirationTime();
            Date iat = claims.getIssueTime();
            if ((exp == null && expiryRequired) || (exp != null && exp.getTime() + leeway < now)) {
                throw new OAuth2Client.ProviderException("the id_token is expired");
            }
            if (iat != null && iat.getTime() - leeway > now) {
                throw new OAuth2Client.ProviderException("the id_token is issued in the future");
            }
            Date nbf = claims.getNotBeforeTime();
            if (nbf != null && nbf.getTime() - leeway > now) {
                throw new OAuth2Client.ProviderException("the id_token is not valid yet");
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                throw new OAuth2Client.ProviderException("the id_token is for another audience");
            }
            if (!issuers.isEmpty() && !issuers.contains(claims.getIssuer())) {
                throw new OAuth2Client.ProviderException("the id_token has an unexpected issuer");
            }
            if (jwksURL != null && !jwksURL.isEmpty() && !verified(jwt, JWKSet.parse(fetch.apply(jwksURL)))) {
                throw new OAuth2Client.ProviderException("the id_token signature is invalid");
            }
            return claims.toJSONObject();
        } catch (ParseException | JOSEException e) {
            throw new OAuth2Client.ProviderException("invalid id_token: " + e.getClass().getSimpleName());
        }
    }

    private static boolean verified(SignedJWT jwt, JWKSet keys) throws JOSEException {
        String kid = jwt.getHeader().getKeyID();
        for (JWK key : keys.getKeys()) {
            if (kid != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            JWSVerifier verifier = switch (key) {
                case RSAKey rsa -> new RSASSAVerifier(rsa);
                case ECKey ec -> new ECDSAVerifier(ec);
                default -> null;
            };
            if (verifier != null && verifier.supportedJWSAlgorithms().contains(jwt.getHeader().getAlgorithm())
                    && jwt.verify(verifier)) {
                return true;
            }
        }
        return false;
    }
}
