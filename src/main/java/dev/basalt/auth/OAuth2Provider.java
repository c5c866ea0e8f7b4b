package dev.basalt.auth;

/**
 * A resolved OAuth2 provider: a preset's endpoints and scopes overridden by the collection's configuration (or,
 * for generic OpenID Connect, discovered from the issuer).
 *
 * @param kind  how the user info is read: {@code oidc} (standard claims, also Google), {@code github},
 *              {@code gitlab} or {@code microsoft}
 * @param pkce  whether to send a PKCE challenge (S256)
 */
record OAuth2Provider(String name, String displayName, String kind, String clientId, String clientSecret,
                      String authURL, String tokenURL, String userInfoURL, String scopes, boolean pkce) {
}
