package dev.basalt.auth;

import java.util.List;
import java.util.Map;

/**
 * The {@code id_token} of providers that read the user from a user-info endpoint: Google, and generic OpenID
 * Connect with a {@code userInfoURL}. PocketBase ignores that token and trusts the user info alone; Basalt, when
 * the token response carries one and the provider's key set is known, also checks it as {@link IdTokenClaims}
 * does (signature against the JWKS, audience, expiry, issue time, issuer) and requires its {@code sub} to be the
 * user the user info names (OpenID Connect Core 5.3.2). A token response without {@code id_token} signs in as in
 * PocketBase. No {@code nonce} is checked: neither PocketBase nor Basalt sends one in the authorization URL.
 */
final class UserInfoIdTokens {
    /** Google's signing keys (its discovery document's {@code jwks_uri}). */
    static final String GOOGLE_KEYS = "https://www.googleapis.com/oauth2/v3/certs";
    /** Both issuer spellings Google's documentation allows. */
    static final List<String> GOOGLE_ISSUERS = List.of("https://accounts.google.com", "accounts.google.com");

    private UserInfoIdTokens() {
    }

    /** Refuses the sign-in when the token response's {@code id_token} is invalid or names another user. */
    static void check(ProviderCall call, UserDraft user) {
        if (!(call.tokenValue("id_token") instanceof String idToken) || idToken.isEmpty()) {
            return;
        }
        OAuth2Provider p = call.provider();
        Map<String, Object> claims;
        if (p.kind().equals("google")) {
            claims = call.idTokenClaims(GOOGLE_KEYS, GOOGLE_ISSUERS, true);
        } else if (p.kind().equals("oidc") && !p.userInfoURL().isEmpty() && !jwksURL(p.extra()).isEmpty()) {
            claims = call.idTokenClaims(jwksURL(p.extra()), issuers(p.extra()), false);
        } else {
            // Without a user-info endpoint the token is the user and was checked when read; other providers'
            // tokens are not OpenID Connect ones PocketBase reads (Microsoft's email claims are read as it does).
            return;
        }
        if (!user.id.equals(claims.get("sub"))) {
            throw new OAuth2Client.ProviderException("the user info and the id_token name different subjects");
        }
    }

    /** {@code extra.jwksURL}, given in the settings or found by discovery; empty when unknown. */
    static String jwksURL(Map<String, Object> extra) {
        return extra.get("jwksURL") instanceof String s ? s.trim() : "";
    }

    /** {@code extra.issuers}, given in the settings or the discovered issuer; empty accepts any issuer. */
    static List<String> issuers(Map<String, Object> extra) {
        return extra.get("issuers") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
