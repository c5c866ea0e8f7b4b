package dev.basalt.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account a provider reports, mapped to PocketBase's {@code meta} of an OAuth2 sign-in.
 *
 * @param emailVerified true when the provider vouches for the email (only then is an existing record with that
 *                      email linked, or a new record marked verified)
 */
record OAuth2User(String id, String name, String username, String email, boolean emailVerified, String avatarURL,
                  Map<String, Object> rawUser, String accessToken, String refreshToken, String expiry) {

    /** PocketBase's {@code meta} object of the auth response. */
    Map<String, Object> meta(boolean isNew) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", id);
        meta.put("name", name);
        meta.put("username", username);
        meta.put("email", email);
        meta.put("isNew", isNew);
        meta.put("avatarURL", avatarURL);
        meta.put("rawUser", rawUser);
        meta.put("accessToken", accessToken);
        meta.put("refreshToken", refreshToken);
        meta.put("expiry", expiry);
        return meta;
    }
}
