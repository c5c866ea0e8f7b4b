package dev.basalt.auth;

import dev.basalt.collections.CollectionJson;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The user values read from a provider's answer, which a provider's quirk may still adjust (compose an avatar
 * URL, fetch the verified email elsewhere) before they become an {@link OAuth2User}.
 */
final class UserDraft {
    String id = "";
    String name = "";
    String username = "";
    String email = "";
    boolean emailVerified;
    String avatarURL = "";
    /** False when the provider reports the account as disabled; the sign-in is then refused. */
    boolean active = true;

    /** A verified email, as providers that only report verified ones give it (empty: none). */
    void verifiedEmail(String value) {
        email = value == null ? "" : value.trim();
        emailVerified = !email.isEmpty();
    }

    /** The final user, with the tokens of the provider's token response. */
    OAuth2User toUser(Map<String, Object> raw, Map<String, Object> token) {
        String accessToken = token.get("access_token") instanceof String s ? s : "";
        String refreshToken = token.get("refresh_token") instanceof String r ? r : "";
        String expiry = token.get("expires_in") instanceof Number n && n.longValue() > 0
                ? CollectionJson.formatDate(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(n.longValue())) : "";
        return new OAuth2User(id, name, username, email, emailVerified, avatarURL, raw, accessToken, refreshToken,
                expiry);
    }
}
