package dev.basalt.auth;

import java.util.Map;

/**
 * A resolved OAuth2 provider: a {@link ProviderCatalogue} entry's endpoints and scopes overridden by the
 * collection's configuration (or, for generic OpenID Connect, discovered from the issuer).
 *
 * @param kind  the name of the catalogue entry that reads the user ({@code github}, ...; {@code oidc} for all
 *              generic OpenID Connect providers)
 * @param pkce  whether to send a PKCE challenge (S256)
 * @param extra the configuration's {@code extra} object ({@code issuer}, {@code jwksURL}, {@code issuers},
 *              {@code idTokenEmailClaim})
 */
record OAuth2Provider(String name, String displayName, String kind, String clientId, String clientSecret,
                      String authURL, String tokenURL, String userInfoURL, String scopes, boolean pkce,
                      Map<String, Object> extra) {
    OAuth2Provider {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
