package dev.basalt.auth;

import static dev.basalt.auth.UserMapping.at;
import static dev.basalt.auth.UserMapping.text;
import static dev.basalt.auth.UserMapping.truthy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The provider-specific steps of PocketBase's {@code tools/auth} that a plain {@link UserMapping} cannot express:
 * users read from an {@code id_token}, verified emails from a second endpoint, composed avatar URLs and names.
 */
final class ProviderQuirks {
    private static final String APPLE_ISSUER = "https://appleid.apple.com";
    private static final String APPLE_KEYS = "https://appleid.apple.com/auth/keys";
    private static final String GITEE_EMAILS = "https://gitee.com/api/v5/emails";
    /** A plausible email (PocketBase's {@code is.EmailFormat} for Gitee's answers). */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ProviderQuirks() {
    }

    /** Apple has no user-info endpoint: the claims of its signed {@code id_token} are the user. */
    static Map<String, Object> appleIdToken(ProviderCall call) {
        return new LinkedHashMap<>(call.idTokenClaims(APPLE_KEYS, List.of(APPLE_ISSUER), true));
    }

    /**
     * Generic OpenID Connect: the user-info endpoint when there is one (its {@code id_token} then checked by
     * {@link UserInfoIdTokens}), else the {@code id_token} claims (its signature checked against
     * {@code extra.jwksURL} and its issuer against {@code extra.issuers} when given).
     */
    static Map<String, Object> oidcUser(ProviderCall call) {
        if (!call.provider().userInfoURL().isEmpty()) {
            return call.userInfo();
        }
        Map<String, Object> extra = call.provider().extra();
        return new LinkedHashMap<>(call.idTokenClaims(UserInfoIdTokens.jwksURL(extra),
                UserInfoIdTokens.issuers(extra), false));
    }

    /** GitHub and Gitea: the primary verified address of {@code <userInfoURL>/emails}. */
    static void primaryVerifiedEmail(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        if (call.optional(call.provider().userInfoURL().replaceAll("/+$", "") + "/emails") instanceof List<?> list) {
            for (Object e : list) {
                if (truthy(at(e, "/primary")) && truthy(at(e, "/verified"))) {
                    user.verifiedEmail(text(e, "/email"));
                    return;
                }
            }
        }
    }

    /** Bitbucket: the primary confirmed address of {@code <userInfoURL>/emails}. */
    static void bitbucketEmail(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        Object answer = call.optional(call.provider().userInfoURL().replaceAll("/+$", "") + "/emails");
        if (at(answer, "/values") instanceof List<?> list) {
            for (Object e : list) {
                if (truthy(at(e, "/is_primary")) && truthy(at(e, "/is_confirmed"))) {
                    user.verifiedEmail(text(e, "/email"));
                    return;
                }
            }
        }
    }

    /** Gitee: the profile's email when it is one, else the confirmed primary one of its email list. */
    static void giteeEmail(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        String email = text(raw, "/email");
        if (EMAIL.matcher(email).matches()) {
            user.verifiedEmail(email);
            return;
        }
        if (call.optional(GITEE_EMAILS) instanceof List<?> list) {
            for (Object e : list) {
                String address = text(e, "/email");
                if ("confirmed".equals(text(e, "/state")) && at(e, "/scope") instanceof List<?> scope
                        && scope.contains("primary") && EMAIL.matcher(address).matches()) {
                    user.verifiedEmail(address);
                    return;
                }
            }
        }
    }

    /** GitLab vouches for the email once the account is confirmed ({@code confirmed_at}, RFC 3339). */
    static void gitlabConfirmed(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        try {
            OffsetDateTime.parse(text(raw, "/confirmed_at"));
            user.emailVerified = !user.email.isEmpty();
        } catch (DateTimeParseException e) {
            user.emailVerified = false;
        }
    }

    /**
     * Microsoft: Graph's {@code mail} by default; with {@code extra.idTokenEmailClaim} the email comes from the
     * {@code id_token} ({@code verified_primary_email}, {@code email} with {@code xms_edov}, both in that order
     * for {@code any_verified}, or plain {@code email}), empty when that claim is missing.
     */
    static void microsoftEmail(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        String mode = call.provider().extra().get("idTokenEmailClaim") instanceof String s ? s : "";
        if (mode.isEmpty()) {
            user.verifiedEmail(text(raw, "/mail"));
            return;
        }
        Map<String, Object> claims;
        try {
            claims = call.idTokenClaims("", List.of(), false);
        } catch (OAuth2Client.ProviderException e) {
            claims = Map.of();
        }
        String primary = claims.get("verified_primary_email") instanceof String s ? s : "";
        String edov = truthy(claims.get("xms_edov")) && claims.get("email") instanceof String s ? s : "";
        user.verifiedEmail(switch (mode) {
            case "any_verified" -> primary.isEmpty() ? edov : primary;
            case "verified_primary_email" -> primary;
            case "email_and_xms_edov" -> edov;
            case "email" -> claims.get("email") instanceof String s ? s : "";
            default -> text(raw, "/mail");
        });
    }

    /** Yandex gives an avatar id, from which its avatar URL is built. */
    static void yandexAvatar(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        String avatarId = text(raw, "/default_avatar_id");
        if (!truthy(at(raw, "/is_avatar_empty")) && !avatarId.isEmpty()) {
            user.avatarURL = "https://avatars.yandex.net/get-yapic/" + avatarId + "/islands-200";
        }
    }

    /** Instagram grants permissions in the token response; PocketBase copies them into the raw user. */
    static void instagramPermissions(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        if (!raw.containsKey("permissions") && call.tokenValue("permissions") != null) {
            raw.put("permissions", call.tokenValue("permissions"));
        }
    }

    /** Discord: CDN avatar URL from the avatar hash; the name falls back to the username (and discriminator). */
    static void discord(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        String avatar = text(raw, "/avatar");
        if (!avatar.isEmpty()) {
            user.avatarURL = "https://cdn.discordapp.com/avatars/" + user.id + "/" + avatar + ".png";
        }
        if (user.name.isEmpty()) {
            String discriminator = text(raw, "/discriminator");
            user.name = user.username + (discriminator.isEmpty() || discriminator.equals("0") ? ""
                    : "#" + discriminator);
        }
    }

    /** Kakao vouches for an email only when it is both verified and still valid. */
    static void kakaoValidEmail(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        user.emailVerified = user.emailVerified && truthy(at(raw, "/kakao_account/is_email_valid"));
    }

    /** VK: first and last name; the email comes with the token response. */
    static void vk(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        user.name = (text(raw, "/response/0/first_name") + " " + text(raw, "/response/0/last_name")).trim();
        if (call.tokenValue("email") != null) {
            user.verifiedEmail(String.valueOf(call.tokenValue("email")));
        }
    }

    /** Strava: first and last name; an id of 0 is no id. */
    static void strava(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        user.name = (text(raw, "/firstname") + " " + text(raw, "/lastname")).trim();
        if (user.id.equals("0")) {
            user.id = "";
        }
    }

    /** WakaTime: the photo only when the user made it public. */
    static void wakatimeAvatar(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        if (truthy(at(raw, "/data/photo_public"))) {
            user.avatarURL = text(raw, "/data/photo");
        }
    }

    /** mailcow usernames are usually email addresses: the part before the {@code @}. */
    static void mailcowUsername(ProviderCall call, Map<String, Object> raw, UserDraft user) {
        int at = user.username.indexOf('@');
        if (at >= 0) {
            user.username = user.username.substring(0, at);
        }
    }
}
