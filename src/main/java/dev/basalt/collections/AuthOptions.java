package dev.basalt.collections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options of an auth collection, named and shaped as PocketBase's (they appear as top-level keys of the
 * collection JSON and are stored in {@code _collections.options}), plus Basalt's {@code refreshToken} sessions.
 * Durations are in seconds.
 *
 * @param authRule     checked after a successful sign-in; null disables sign-in, "" allows every record
 * @param manageRule   grants full management of matching records (email, verified, password without the old one)
 * @param refreshToken Basalt's extension: lifetimes of sign-in sessions and their refresh tokens
 */
public record AuthOptions(String authRule, String manageRule, AuthAlert authAlert, OAuth2 oauth2,
                          PasswordAuth passwordAuth, Mfa mfa, Otp otp, TokenConfig authToken,
                          TokenConfig passwordResetToken, TokenConfig emailChangeToken,
                          TokenConfig verificationToken, TokenConfig fileToken, EmailTemplate verificationTemplate,
                          EmailTemplate resetPasswordTemplate, EmailTemplate confirmEmailChangeTemplate,
                          RefreshToken refreshToken) {
    /** Shortest token duration (as PocketBase). */
    public static final long MIN_TOKEN_SECONDS = 10;
    /** Longest token duration, about three years (as PocketBase). */
    public static final long MAX_TOKEN_SECONDS = 94_670_856;

    /** A mail's subject and HTML body with {@code {APP_NAME}}-style placeholders. */
    public record EmailTemplate(String subject, String body) {
        Map<String, Object> toJson() {
            return ordered("subject", subject, "body", body);
        }
    }

    /** Whether a mail is sent on sign-in from a new device. */
    public record AuthAlert(boolean enabled, EmailTemplate emailTemplate) {
    }

    /**
     * OAuth2 sign-in: providers are kept as submitted JSON objects ({@code name}, {@code clientId},
     * {@code clientSecret}, {@code authURL}, {@code tokenURL}, {@code userInfoURL}, {@code displayName},
     * {@code pkce}, {@code extra}); {@code mappedFields} names the record fields that receive the provider's
     * {@code id}, {@code name}, {@code username} and {@code avatarURL}.
     */
    public record OAuth2(boolean enabled, Map<String, Object> mappedFields, List<Map<String, Object>> providers) {
        /** The provider key holding its client secret, which is stored but never printed. */
        public static final String CLIENT_SECRET = "clientSecret";
        /**
         * PocketBase's provider names (its {@code tools/auth}), including the generic OpenID Connect ones
         * ({@code oidc*}); the auth module's catalogue defines each of them.
         */
        public static final Set<String> PROVIDERS = Set.of("apple", "bitbucket", "box", "discord", "facebook",
                "gitea", "gitee", "github", "gitlab", "google", "instagram2", "kakao", "lark", "linear", "livechat",
                "mailcow", "microsoft", "monday", "notion", "oidc", "oidc2", "oidc3", "patreon", "planningcenter",
                "spotify", "strava", "trakt", "twitch", "twitter", "vk", "wakatime", "yandex");
        /** Providers without endpoints of their own: the settings (or an OpenID Connect issuer) give them. */
        public static final Set<String> SELF_HOSTED = Set.of("mailcow", "oidc", "oidc2", "oidc3");

        public OAuth2 {
            mappedFields = Map.copyOf(mappedFields);
            providers = providers.stream().map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
        }

        /** The provider configured under this name, if any. */
        public Optional<Map<String, Object>> provider(String name) {
            return providers.stream().filter(p -> name != null && name.equals(p.get("name"))).findFirst();
        }
    }

    /** Password sign-in and the fields whose value identifies the record (each with a unique index). */
    public record PasswordAuth(boolean enabled, List<String> identityFields) {
        public PasswordAuth {
            identityFields = List.copyOf(identityFields);
        }
    }

    /** Multi-factor authentication: a second method within {@code duration}, for records matching {@code rule}. */
    public record Mfa(boolean enabled, long duration, String rule) {
    }

    /** One-time passwords sent by mail. */
    public record Otp(boolean enabled, long duration, int length, EmailTemplate emailTemplate) {
    }

    /** A token's lifetime. */
    public record TokenConfig(long duration) {
        Map<String, Object> toJson() {
            return ordered("duration", duration);
        }
    }

    /**
     * Sign-in sessions (Basalt, beyond PocketBase): a refresh token lives {@code duration} seconds at most and
     * dies after {@code inactivity} seconds without use; access tokens issued by a refresh live
     * {@code accessDuration} seconds.
     */
    public record RefreshToken(long duration, long inactivity, long accessDuration) {
        Map<String, Object> toJson() {
            return ordered("duration", duration, "inactivity", inactivity, "accessDuration", accessDuration);
        }
    }

    /** PocketBase's defaults for a new auth collection. */
    public static AuthOptions defaults() {
        return new AuthOptions("", null,
                new AuthAlert(true, AuthMailTemplates.AUTH_ALERT),
                new OAuth2(false, Map.of("id", "", "name", "", "username", "", "avatarURL", ""), List.of()),
                new PasswordAuth(true, List.of("email")),
                new Mfa(false, 600, ""),
                new Otp(false, 180, 8, AuthMailTemplates.OTP),
                new TokenConfig(432_000), new TokenConfig(1800), new TokenConfig(1800), new TokenConfig(86_400),
                new TokenConfig(180),
                AuthMailTemplates.VERIFICATION, AuthMailTemplates.RESET_PASSWORD, AuthMailTemplates.CONFIRM_EMAIL_CHANGE,
                new RefreshToken(2_592_000, 1_209_600, 900));
    }

    /** A copy with another auth token lifetime. */
    public AuthOptions withAuthTokenDuration(long seconds) {
        return new AuthOptions(authRule, manageRule, authAlert, oauth2, passwordAuth, mfa, otp,
                new TokenConfig(seconds), passwordResetToken, emailChangeToken, verificationToken, fileToken,
                verificationTemplate, resetPasswordTemplate, confirmEmailChangeTemplate, refreshToken);
    }

    /** The options as the keys of the collection JSON; OAuth2 client secrets are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = toStoredJson();
        List<Map<String, Object>> providers = oauth2.providers().stream().map(p -> {
            Map<String, Object> copy = new LinkedHashMap<>(p);
            copy.remove(OAuth2.CLIENT_SECRET);
            return copy;
        }).toList();
        json.put("oauth2", ordered("providers", providers, "mappedFields", oauth2.mappedFields(),
                "enabled", oauth2.enabled()));
        return json;
    }

    /** The options as stored in {@code _collections.options}, secrets included. */
    public Map<String, Object> toStoredJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("authRule", authRule);
        json.put("manageRule", manageRule);
        json.put("authAlert", ordered("enabled", authAlert.enabled(), "emailTemplate", authAlert.emailTemplate().toJson()));
        json.put("oauth2", ordered("providers", oauth2.providers(), "mappedFields", oauth2.mappedFields(),
                "enabled", oauth2.enabled()));
        json.put("passwordAuth", ordered("enabled", passwordAuth.enabled(), "identityFields", passwordAuth.identityFields()));
        json.put("mfa", ordered("enabled", mfa.enabled(), "duration", mfa.duration(), "rule", mfa.rule()));
        json.put("otp", ordered("enabled", otp.enabled(), "duration", otp.duration(), "length", otp.length(),
                "emailTemplate", otp.emailTemplate().toJson()));
        json.put("authToken", authToken.toJson());
        json.put("passwordResetToken", passwordResetToken.toJson());
        json.put("emailChangeToken", emailChangeToken.toJson());
        json.put("verificationToken", verificationToken.toJson());
        json.put("fileToken", fileToken.toJson());
        json.put("verificationTemplate", verificationTemplate.toJson());
        json.put("resetPasswordTemplate", resetPasswordTemplate.toJson());
        json.put("confirmEmailChangeTemplate", confirmEmailChangeTemplate.toJson());
        json.put("refreshToken", refreshToken.toJson());
        return json;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
