package dev.basalt.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sample answer of every provider (shapes from PocketBase's providers and the vendors' API docs), what
 * PocketBase makes of it, and a canned "network" that serves those answers to {@link ProviderCall}.
 */
final class ProviderSamples {
    static final String CLIENT_ID = "client-1";
    private static final RSAKey KEY = rsaKey();

    /**
     * @param answers  GET answers by URL ({@code POST <url>} for posts)
     * @param expected id, name, username, email, avatarURL
     * @param header   a header the user-info request must carry ({@code Name: value}), or null
     */
    record Sample(String provider, Map<String, String> answers, Map<String, Object> token,
                  Map<String, Object> config, List<String> expected, boolean verified, String header) {
        @Override
        public String toString() {
            return provider;
        }
    }

    private ProviderSamples() {
    }

    /** Reads the user of provider {@code name} (settings {@code config}) from canned answers. */
    static OAuth2User read(String name, Map<String, String> answers, Map<String, Object> token,
                           Map<String, Object> config) {
        return read(new Sample(name, answers, token, config, List.of(), false, null));
    }

    static OAuth2User read(Sample s) {
        Map<String, Object> settings = new HashMap<>(Map.of("name", s.provider(), "clientId", CLIENT_ID,
                "clientSecret", "secret"));
        settings.putAll(s.config());
        OAuth2Provider p = new OAuth2Providers(new OAuth2Client()).resolve(settings).orElseThrow();
        Map<String, Object> token = new LinkedHashMap<>(Map.of("access_token", "access-1", "expires_in", 3600));
        token.putAll(s.token());
        return new ProviderCall(p, token, request -> answer(s, request)).user();
    }

    private static ProviderCall.Answer answer(Sample s, HttpRequest request) {
        String url = request.uri().toString();
        String key = request.method().equals("POST") ? "POST " + url : url;
        if (s.header() != null && url.equals(s.config().getOrDefault("userInfoURL",
                ProviderCatalogue.spec(s.provider()).userInfoURL()))) {
            String[] h = s.header().split(": ", 2);
            if (!request.headers().firstValue(h[0]).orElse("").equals(h[1])) {
                return new ProviderCall.Answer(400, "{\"error\": \"missing " + h[0] + "\"}");
            }
        }
        String body = s.answers().get(key);
        return body == null ? new ProviderCall.Answer(404, "{}") : new ProviderCall.Answer(200, body);
    }

    static List<Sample> all() {
        return List.of(
                new Sample("apple", Map.of("https://appleid.apple.com/auth/keys", jwks()), Map.of("id_token",
                        idToken("https://appleid.apple.com", Map.of("sub", "apple-1", "email", "a@example.com",
                                "email_verified", "true"))), Map.of(),
                        List.of("apple-1", "", "", "a@example.com", ""), true, null),
                sample("google", "https://www.googleapis.com/oauth2/v3/userinfo", """
                        {"sub": "g-1", "name": "Gina", "picture": "https://lh3.example/g.png",
                         "email": "gina@example.com", "email_verified": true}""",
                        List.of("g-1", "Gina", "", "gina@example.com", "https://lh3.example/g.png"), true),
                sample("microsoft", "https://graph.microsoft.com/v1.0/me", """
                        {"id": "ms-1", "displayName": "Mia", "mail": "mia@example.com"}""",
                        List.of("ms-1", "Mia", "", "mia@example.com", ""), true),
                sample("yandex", "https://login.yandex.ru/info", """
                        {"id": "y-1", "real_name": "Yuri", "login": "yuri", "default_email": "yuri@example.com",
                         "is_avatar_empty": false, "default_avatar_id": "131652443"}""",
                        List.of("y-1", "Yuri", "yuri", "yuri@example.com",
                                "https://avatars.yandex.net/get-yapic/131652443/islands-200"), true),
                sample("facebook", "https://graph.facebook.com/me?fields=name,email,picture.type(large)", """
                        {"id": "fb-1", "name": "Fay", "email": "fay@example.com",
                         "picture": {"data": {"url": "https://fb.example/p.jpg"}}}""",
                        List.of("fb-1", "Fay", "", "fay@example.com", "https://fb.example/p.jpg"), true),
                sample("instagram2", ProviderCatalogue.spec("instagram2").userInfoURL(), """
                        {"id": "app-scoped", "user_id": "ig-1", "name": "Ivy", "username": "ivy",
                         "profile_picture_url": "https://ig.example/p.jpg"}""",
                        List.of("ig-1", "Ivy", "ivy", "", "https://ig.example/p.jpg"), false),
                new Sample("github", Map.of("https://api.github.com/user", """
                        {"id": 101, "name": "Gus", "login": "gus", "avatar_url": "https://avatars.example/u/101",
                         "email": "public@example.com"}""", "https://api.github.com/user/emails", """
                        [{"email": "old@example.com", "verified": true, "primary": false},
                         {"email": "gus@example.com", "verified": true, "primary": true}]"""), Map.of(), Map.of(),
                        List.of("101", "Gus", "gus", "gus@example.com", "https://avatars.example/u/101"), true, null),
                sample("gitlab", "https://gitlab.com/api/v4/user", """
                        {"id": 202, "name": "Gil", "username": "gil", "email": "gil@example.com",
                         "avatar_url": "https://gitlab.example/a.png", "confirmed_at": "2023-01-02T03:04:05.000Z"}""",
                        List.of("202", "Gil", "gil", "gil@example.com", "https://gitlab.example/a.png"), true),
                new Sample("bitbucket", Map.of("https://api.bitbucket.org/2.0/user", """
                        {"uuid": "{bb-1}", "username": "bea", "display_name": "Bea", "account_status": "active",
                         "links": {"avatar": {"href": "https://bb.example/a.png"}}}""",
                        "https://api.bitbucket.org/2.0/user/emails", """
                        {"values": [{"email": "x@example.com", "is_primary": false, "is_confirmed": true},
                                    {"email": "bea@example.com", "is_primary": true, "is_confirmed": true}]}"""),
                        Map.of(), Map.of(), List.of("{bb-1}", "Bea", "bea", "bea@example.com",
                        "https://bb.example/a.png"), true, null),
                new Sample("gitee", Map.of("https://gitee.com/api/v5/user", """
                        {"id": 303, "login": "gao", "name": "Gao", "email": "",
                         "avatar_url": "https://gitee.example/a.png"}""", "https://gitee.com/api/v5/emails", """
                        [{"email": "gao@example.com", "state": "confirmed", "scope": ["committed", "primary"]}]"""),
                        Map.of(), Map.of(), List.of("303", "Gao", "gao", "gao@example.com",
                        "https://gitee.example/a.png"), true, null),
                new Sample("gitea", Map.of("https://gitea.com/api/v1/user", """
                        {"id": 404, "full_name": "Tea", "login": "tea", "avatar_url": "https://gitea.example/a.png",
                         "active": true}""", "https://gitea.com/api/v1/user/emails", """
                        [{"email": "tea@example.com", "verified": true, "primary": true}]"""), Map.of(), Map.of(),
                        List.of("404", "Tea", "tea", "tea@example.com", "https://gitea.example/a.png"), true, null),
                sample("discord", "https://discord.com/api/users/@me", """
                        {"id": "d-1", "username": "dora", "global_name": "", "discriminator": "1234",
                         "avatar": "abc", "email": "dora@example.com", "verified": true}""",
                        List.of("d-1", "dora#1234", "dora", "dora@example.com",
                                "https://cdn.discordapp.com/avatars/d-1/abc.png"), true),
                sample("twitter", ProviderCatalogue.spec("twitter").userInfoURL(), """
                        {"data": {"id": "x-1", "name": "Xena", "username": "xena",
                         "confirmed_email": "xena@example.com", "profile_image_url": "https://pbs.example/x.jpg"}}""",
                        List.of("x-1", "Xena", "xena", "xena@example.com", "https://pbs.example/x.jpg"), true),
                sample("kakao", "https://kapi.kakao.com/v2/user/me", """
                        {"id": 505, "properties": {"nickname": "kim", "profile_image": "https://kakao.example/p.jpg"},
                         "kakao_account": {"email": "kim@example.com", "is_email_verified": true,
                                           "is_email_valid": true}}""",
                        List.of("505", "", "kim", "kim@example.com", "https://kakao.example/p.jpg"), true),
                new Sample("vk", Map.of(ProviderCatalogue.spec("vk").userInfoURL(), """
                        {"response": [{"id": 606, "first_name": "Vera", "last_name": "Volk", "screen_name": "vera",
                                       "photo_max": "https://vk.example/p.jpg"}]}"""),
                        Map.of("email", "vera@example.com"), Map.of(),
                        List.of("606", "Vera Volk", "vera", "vera@example.com", "https://vk.example/p.jpg"), true, null),
                sample("linear", "POST https://api.linear.app/graphql", """
                        {"data": {"viewer": {"id": "l-1", "displayName": "lin", "name": "Lin",
                         "email": "lin@example.com", "avatarUrl": "https://linear.example/a.png", "active": true}}}""",
                        List.of("l-1", "Lin", "lin", "lin@example.com", "https://linear.example/a.png"), true),
                new Sample("notion", Map.of("https://api.notion.com/v1/users/me", """
                        {"object": "user", "type": "bot", "bot": {"owner": {"type": "user", "user": {"id": "n-1",
                         "name": "Nia", "avatar_url": "https://notion.example/a.png",
                         "person": {"email": "nia@example.com"}}}}}"""), Map.of(), Map.of(),
                        List.of("n-1", "Nia", "", "nia@example.com", "https://notion.example/a.png"), true,
                        "Notion-Version: 2022-06-28"),
                sample("monday", "POST https://api.monday.com/v2", """
                        {"data": {"me": {"id": "m-1", "enabled": true, "name": "Moe", "email": "moe@example.com",
                         "is_verified": true, "photo_small": "https://monday.example/p.png"}}}""",
                        List.of("m-1", "Moe", "", "moe@example.com", "https://monday.example/p.png"), true),
                sample("lark", "https://open.feishu.cn/open-apis/authen/v1/user_info", """
                        {"code": 0, "data": {"union_id": "on_1", "name": "Lara",
                         "avatar_url": "https://lark.example/a.png"}}""",
                        List.of("on_1", "Lara", "", "", "https://lark.example/a.png"), false),
                sample("box", "https://api.box.com/2.0/users/me", """
                        {"id": "b-1", "name": "Bo", "login": "bo@example.com",
                         "avatar_url": "https://box.example/a.png", "status": "active"}""",
                        List.of("b-1", "Bo", "", "bo@example.com", "https://box.example/a.png"), true),
                sample("spotify", "https://api.spotify.com/v1/me", """
                        {"id": "s-1", "display_name": "Sia", "images": [{"url": "https://spotify.example/1.jpg"},
                                                                      {"url": "https://spotify.example/2.jpg"}]}""",
                        List.of("s-1", "Sia", "", "", "https://spotify.example/1.jpg"), false),
                new Sample("trakt", Map.of("https://api.trakt.tv/users/settings", """
                        {"user": {"username": "tom", "name": "Tom", "ids": {"slug": "tom", "uuid": "t-uuid"},
                         "images": {"avatar": {"full": "https://trakt.example/a.png"}}}}"""), Map.of(), Map.of(),
                        List.of("t-uuid", "Tom", "tom", "", "https://trakt.example/a.png"), false,
                        "trakt-api-key: " + CLIENT_ID),
                new Sample("twitch", Map.of("https://api.twitch.tv/helix/users", """
                        {"data": [{"id": "tw-1", "login": "tia", "display_name": "Tia", "email": "tia@example.com",
                                   "profile_image_url": "https://twitch.example/p.png"}]}"""), Map.of(), Map.of(),
                        List.of("tw-1", "Tia", "tia", "tia@example.com", "https://twitch.example/p.png"), true,
                        "Client-Id: " + CLIENT_ID),
                sample("patreon", ProviderCatalogue.spec("patreon").userInfoURL(), """
                        {"data": {"id": "p-1", "attributes": {"email": "pat@example.com", "full_name": "Pat",
                         "vanity": "pat", "image_url": "https://patreon.example/p.png", "is_email_verified": true}}}""",
                        List.of("p-1", "Pat", "pat", "pat@example.com", "https://patreon.example/p.png"), true),
                sample("strava", "https://www.strava.com/api/v3/athlete", """
                        {"id": 707, "firstname": "Sam", "lastname": "Stone", "username": "sam",
                         "profile": "https://strava.example/p.jpg"}""",
                        List.of("707", "Sam Stone", "sam", "", "https://strava.example/p.jpg"), false),
                sample("wakatime", "https://wakatime.com/api/v1/users/current", """
                        {"data": {"id": "w-1", "display_name": "Wes", "username": "wes", "email": "wes@example.com",
                         "photo": "https://wakatime.example/p.png", "photo_public": true,
                         "is_email_confirmed": true}}""",
                        List.of("w-1", "Wes", "wes", "wes@example.com", "https://wakatime.example/p.png"), true),
                sample("livechat", "https://accounts.livechat.com/v2/accounts/me", """
                        {"account_id": "lc-1", "name": "Liv", "email": "liv@example.com", "email_verified": true,
                         "avatar_url": "https://livechat.example/a.png"}""",
                        List.of("lc-1", "Liv", "", "liv@example.com", "https://livechat.example/a.png"), true),
                new Sample("mailcow", Map.of("https://mail.example/oauth/profile", """
                        {"id": "mc-1", "username": "max@mail.example", "email": "max@mail.example",
                         "full_name": "Max", "active": 1}"""), Map.of(), Map.of("authURL",
                        "https://mail.example/oauth/authorize", "tokenURL", "https://mail.example/oauth/token",
                        "userInfoURL", "https://mail.example/oauth/profile"),
                        List.of("mc-1", "Max", "max", "max@mail.example", ""), true, null),
                sample("planningcenter", "https://api.planningcenteronline.com/people/v2/me", """
                        {"data": {"id": "pc-1", "attributes": {"status": "active", "name": "Pam",
                         "avatar": "https://pc.example/a.png"}}}""",
                        List.of("pc-1", "Pam", "", "", "https://pc.example/a.png"), false),
                new Sample("oidc", Map.of("https://idp.example/userinfo", """
                        {"sub": "o-1", "name": "Olga", "preferred_username": "olga", "email": "olga@example.com",
                         "email_verified": "true", "picture": "https://idp.example/p.png"}"""), Map.of(),
                        Map.of("authURL", "https://idp.example/auth", "tokenURL", "https://idp.example/token",
                                "userInfoURL", "https://idp.example/userinfo"),
                        List.of("o-1", "Olga", "olga", "olga@example.com", "https://idp.example/p.png"), true, null),
                new Sample("oidc2", Map.of("https://idp.example/jwks", jwks()), Map.of("id_token",
                        idToken("https://idp.example", Map.of("sub", "o-2", "name", "Otto", "email", "o2@example.com",
                                "email_verified", true))), Map.of("authURL", "https://idp.example/auth",
                        "tokenURL", "https://idp.example/token", "extra", Map.of("jwksURL",
                                "https://idp.example/jwks", "issuers", List.of("https://idp.example"))),
                        List.of("o-2", "Otto", "", "o2@example.com", ""), true, null));
    }

    private static Sample sample(String provider, String url, String json, List<String> expected, boolean verified) {
        return new Sample(provider, Map.of(url, json), Map.of(), Map.of(), expected, verified, null);
    }

    /** An id_token for {@link #CLIENT_ID} signed by the key of {@link #jwks()}, valid for ten minutes. */
    static String idToken(String issuer, Map<String, Object> claims) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000));
        claims.forEach(b::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                b.build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The public key set that verifies {@link #idToken}. */
    static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** A key set of another key with the same {@code kid}: it verifies nothing {@link #idToken} signs. */
    static String otherJwks() {
        return new JWKSet(rsaKey().toPublicJWK()).toString();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
