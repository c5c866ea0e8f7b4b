package dev.basalt.auth;

import java.util.List;
import java.util.Map;

/**
 * One OAuth2 provider as PocketBase ships it ({@code tools/auth/<name>.go}): its settings name, display name and
 * rank in listings, PKCE default, endpoints, scopes, and how its user-info answer maps to an
 * {@link OAuth2User}. A collection's provider settings ({@code authURL}, {@code pkce}, ...) override the defaults.
 *
 * @param order  PocketBase's rank of the provider in listings (lower first)
 * @param source how the raw user is obtained; usually a GET of the user-info URL with the access token
 * @param quirk  the provider's own adjustments after the {@link UserMapping} (composed avatar URLs, emails from
 *               another endpoint, ...)
 */
record ProviderSpec(String name, String displayName, int order, boolean pkce, String authURL, String tokenURL,
                    String userInfoURL, List<String> scopes, UserMapping mapping, Source source, Quirk quirk) {

    /** Reads a provider's raw user. */
    @FunctionalInterface
    interface Source {
        Map<String, Object> fetch(ProviderCall call);
    }

    /** Adjusts the values the mapping read. */
    @FunctionalInterface
    interface Quirk {
        void adjust(ProviderCall call, Map<String, Object> raw, UserDraft user);
    }

    ProviderSpec {
        scopes = List.copyOf(scopes);
    }

    /** A provider whose user is a GET of its user-info URL, mapped without adjustments. */
    static ProviderSpec of(String name, String displayName, int order, boolean pkce, String authURL, String tokenURL,
                           String userInfoURL, List<String> scopes, UserMapping mapping) {
        return new ProviderSpec(name, displayName, order, pkce, authURL, tokenURL, userInfoURL, scopes, mapping,
                ProviderCall::userInfo, (call, raw, user) -> { });
    }

    /** A copy whose raw user comes from {@code source}. */
    ProviderSpec fetchedBy(Source other) {
        return new ProviderSpec(name, displayName, order, pkce, authURL, tokenURL, userInfoURL, scopes, mapping, other,
                quirk);
    }

    /** A copy with the provider's adjustments. */
    ProviderSpec adjustedBy(Quirk other) {
        return new ProviderSpec(name, displayName, order, pkce, authURL, tokenURL, userInfoURL, scopes, mapping, source,
                other);
    }
}
