package dev.basalt.auth;

import static dev.basalt.auth.UserMapping.of;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every OAuth2 provider PocketBase ships (its {@code tools/auth}), under PocketBase's settings names, with its
 * endpoints, scopes, PKCE default and user mapping; providers that need more than a mapped GET of their user info
 * name their {@link ProviderQuirks}. {@code mailcow} and the generic {@code oidc}, {@code oidc2} and {@code oidc3}
 * have no endpoints of their own: the collection's settings (or {@code extra.issuer}) give them.
 */
final class ProviderCatalogue {
    private static final String OIDC_NAME = "OIDC";
    private static final int OIDC_ORDER = 99;
    private static final Map<String, ProviderSpec> SPECS = build();

    private ProviderCatalogue() {
    }

    /** All providers by settings name. */
    static Map<String, ProviderSpec> all() {
        return SPECS;
    }

    /** The provider of this name; generic OpenID Connect for a name the catalogue does not know. */
    static ProviderSpec spec(String name) {
        return SPECS.getOrDefault(name, SPECS.get("oidc"));
    }

    private static Map<String, ProviderSpec> build() {
        Map<String, ProviderSpec> m = new LinkedHashMap<>();
        add(m, ProviderSpec.of("apple", "Apple", 1, true, "https://appleid.apple.com/auth/authorize",
                "https://appleid.apple.com/auth/token", "", List.of("name", "email"),
                of("/sub", "/name", null, "/email", null).verifiedBy("/email_verified"))
                .fetchedBy(ProviderQuirks::appleIdToken));
        add(m, ProviderSpec.of("google", "Google", 2, true, "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token", "https://www.googleapis.com/oauth2/v3/userinfo",
                List.of("https://www.googleapis.com/auth/userinfo.profile",
                        "https://www.googleapis.com/auth/userinfo.email"),
                of("/sub", "/name", null, "/email", "/picture").verifiedBy("/email_verified")));
        add(m, ProviderSpec.of("microsoft", "Microsoft", 3, true,
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/common/oauth2/v2.0/token", "https://graph.microsoft.com/v1.0/me",
                List.of("User.Read"), of("/id", "/displayName", null, "/mail", null))
                .adjustedBy(ProviderQuirks::microsoftEmail));
        add(m, ProviderSpec.of("yandex", "Yandex", 4, true, "https://oauth.yandex.com/authorize",
                "https://oauth.yandex.com/token", "https://login.yandex.ru/info",
                List.of("login:email", "login:avatar", "login:info"),
                of("/id", "/real_name", "/login", "/default_email", null)).adjustedBy(ProviderQuirks::yandexAvatar));
        add(m, ProviderSpec.of("facebook", "Facebook", 5, true, "https://www.facebook.com/v3.2/dialog/oauth",
                "https://graph.facebook.com/v3.2/oauth/access_token",
                "https://graph.facebook.com/me?fields=name,email,picture.type(large)", List.of("email"),
                of("/id", "/name", null, "/email", "/picture/data/url")));
        add(m, ProviderSpec.of("instagram2", "Instagram", 6, true, "https://www.instagram.com/oauth/authorize",
                "https://api.instagram.com/oauth/access_token", "https://graph.instagram.com/me?fields=id,username,"
                        + "account_type,user_id,name,profile_picture_url,followers_count,follows_count,media_count",
                List.of("instagram_business_basic"), of("/user_id", "/name", "/username", null, "/profile_picture_url"))
                .adjustedBy(ProviderQuirks::instagramPermissions));
        add(m, ProviderSpec.of("github", "GitHub", 7, true, "https://github.com/login/oauth/authorize",
                "https://github.com/login/oauth/access_token", "https://api.github.com/user",
                List.of("read:user", "user:email"), of("/id", "/name", "/login", null, "/avatar_url"))
                .adjustedBy(ProviderQuirks::primaryVerifiedEmail));
        add(m, ProviderSpec.of("gitlab", "GitLab", 8, true, "https://gitlab.com/oauth/authorize",
                "https://gitlab.com/oauth/token", "https://gitlab.com/api/v4/user", List.of("read_user"),
                of("/id", "/name", "/username", "/email", "/avatar_url")).adjustedBy(ProviderQuirks::gitlabConfirmed));
        add(m, ProviderSpec.of("bitbucket", "Bitbucket", 9, false, "https://bitbucket.org/site/oauth2/authorize",
                "https://bitbucket.org/site/oauth2/access_token", "https://api.bitbucket.org/2.0/user",
                List.of("account"), of("/uuid", "/display_name", "/username", null, "/links/avatar/href")
                        .activeWhen("/account_status", "active")).adjustedBy(ProviderQuirks::bitbucketEmail));
        add(m, ProviderSpec.of("gitee", "Gitee", 10, true, "https://gitee.com/oauth/authorize",
                "https://gitee.com/oauth/token", "https://gitee.com/api/v5/user", List.of("user_info", "emails"),
                of("/id", "/name", "/login", null, "/avatar_url")).adjustedBy(ProviderQuirks::giteeEmail));
        add(m, ProviderSpec.of("gitea", "Gitea/Forgejo", 11, true, "https://gitea.com/login/oauth/authorize",
                "https://gitea.com/login/oauth/access_token", "https://gitea.com/api/v1/user",
                List.of("read:user", "user:email"), of("/id", "/full_name", "/login", null, "/avatar_url")
                        .activeWhen("/active", true)).adjustedBy(ProviderQuirks::primaryVerifiedEmail));
        add(m, ProviderSpec.of("discord", "Discord", 12, true, "https://discord.com/api/oauth2/authorize",
                "https://discord.com/api/oauth2/token", "https://discord.com/api/users/@me",
                List.of("identify", "email"), of("/id", "/global_name", "/username", "/email", null)
                        .verifiedBy("/verified")).adjustedBy(ProviderQuirks::discord));
        add(m, ProviderSpec.of("twitter", "X/Twitter", 13, true, "https://x.com/i/oauth2/authorize",
                "https://api.x.com/2/oauth2/token",
                "https://api.x.com/2/users/me?user.fields=id,name,username,profile_image_url,confirmed_email",
                List.of("users.read", "users.email", "tweet.read"), of("/data/id", "/data/name", "/data/username",
                        "/data/confirmed_email", "/data/profile_image_url")));
        add(m, ProviderSpec.of("kakao", "Kakao", 14, true, "https://kauth.kakao.com/oauth/authorize",
                "https://kauth.kakao.com/oauth/token", "https://kapi.kakao.com/v2/user/me",
                List.of("account_email", "profile_nickname", "profile_image"), of("/id", null,
                        "/properties/nickname", "/kakao_account/email", "/properties/profile_image")
                        .verifiedBy("/kakao_account/is_email_verified")).adjustedBy(ProviderQuirks::kakaoValidEmail));
        add(m, ProviderSpec.of("vk", "ВКонтакте", 15, false, "https://oauth.vk.com/authorize",
                "https://oauth.vk.com/access_token",
                "https://api.vk.com/method/users.get?fields=photo_max,screen_name&v=5.131", List.of("email"),
                of("/response/0/id", null, "/response/0/screen_name", null, "/response/0/photo_max"))
                .adjustedBy(ProviderQuirks::vk));
        add(m, ProviderSpec.of("linear", "Linear", 16, false, "https://linear.app/oauth/authorize",
                "https://api.linear.app/oauth/token", "https://api.linear.app/graphql", List.of("read"),
                of("/data/viewer/id", "/data/viewer/name", "/data/viewer/displayName", "/data/viewer/email",
                        "/data/viewer/avatarUrl").activeWhen("/data/viewer/active", true))
                .fetchedBy(call -> call.postUserInfo(
                        "{\"query\": \"query Me { viewer { id displayName name email avatarUrl active } }\"}")));
        add(m, ProviderSpec.of("notion", "Notion", 17, true, "https://api.notion.com/v1/oauth/authorize",
                "https://api.notion.com/v1/oauth/token", "https://api.notion.com/v1/users/me", List.of(),
                of("/bot/owner/user/id", "/bot/owner/user/name", null, "/bot/owner/user/person/email",
                        "/bot/owner/user/avatar_url"))
                .fetchedBy(call -> call.userInfo(Map.of("Notion-Version", "2022-06-28"))));
        add(m, ProviderSpec.of("monday", "monday.com", 18, true, "https://auth.monday.com/oauth2/authorize",
                "https://auth.monday.com/oauth2/token", "https://api.monday.com/v2", List.of("me:read"),
                of("/data/me/id", "/data/me/name", null, "/data/me/email", "/data/me/photo_small")
                        .verifiedBy("/data/me/is_verified").activeWhen("/data/me/enabled", true))
                .fetchedBy(call -> call.postUserInfo(
                        "{\"query\": \"query { me { id enabled name email is_verified photo_small }}\"}")));
        add(m, ProviderSpec.of("lark", "Lark", 19, true, "https://accounts.feishu.cn/open-apis/authen/v1/authorize",
                "https://open.feishu.cn/open-apis/authen/v2/oauth/token",
                "https://open.feishu.cn/open-apis/authen/v1/user_info", List.of(),
                of("/data/union_id", "/data/name", null, null, "/data/avatar_url")));
        add(m, ProviderSpec.of("box", "Box", 20, true, "https://account.box.com/api/oauth2/authorize",
                "https://api.box.com/oauth2/token", "https://api.box.com/2.0/users/me", List.of("root_readonly"),
                of("/id", "/name", null, "/login", "/avatar_url").activeWhen("/status", "active")));
        add(m, ProviderSpec.of("spotify", "Spotify", 21, true, "https://accounts.spotify.com/authorize",
                "https://accounts.spotify.com/api/token", "https://api.spotify.com/v1/me",
                List.of("user-read-private"), of("/id", "/display_name", null, null, "/images/0/url")));
        add(m, ProviderSpec.of("trakt", "Trakt", 22, true, "https://trakt.tv/oauth/authorize",
                "https://api.trakt.tv/oauth/token", "https://api.trakt.tv/users/settings", List.of(),
                of("/user/ids/uuid", "/user/name", "/user/username", null, "/user/images/avatar/full"))
                .fetchedBy(call -> call.userInfo(Map.of("Content-Type", "application/json",
                        "trakt-api-key", call.provider().clientId(), "trakt-api-version", "2"))));
        add(m, ProviderSpec.of("twitch", "Twitch", 23, true, "https://id.twitch.tv/oauth2/authorize",
                "https://id.twitch.tv/oauth2/token", "https://api.twitch.tv/helix/users", List.of("user:read:email"),
                of("/data/0/id", "/data/0/display_name", "/data/0/login", "/data/0/email", "/data/0/profile_image_url"))
                .fetchedBy(call -> call.userInfo(Map.of("Client-Id", call.provider().clientId()))));
        add(m, ProviderSpec.of("patreon", "Patreon", 24, true, "https://www.patreon.com/oauth2/authorize",
                "https://www.patreon.com/api/oauth2/token", "https://www.patreon.com/api/oauth2/v2/identity"
                        + "?fields%5Buser%5D=full_name,email,vanity,image_url,is_email_verified",
                List.of("identity", "identity[email]"), of("/data/id", "/data/attributes/full_name",
                        "/data/attributes/vanity", "/data/attributes/email", "/data/attributes/image_url")
                        .verifiedBy("/data/attributes/is_email_verified")));
        add(m, ProviderSpec.of("strava", "Strava", 25, true, "https://www.strava.com/oauth/authorize",
                "https://www.strava.com/api/v3/oauth/token", "https://www.strava.com/api/v3/athlete",
                List.of("profile:read_all"), of("/id", null, "/username", null, "/profile"))
                .adjustedBy(ProviderQuirks::strava));
        add(m, ProviderSpec.of("wakatime", "WakaTime", 26, true, "https://wakatime.com/oauth/authorize",
                "https://wakatime.com/oauth/token", "https://wakatime.com/api/v1/users/current", List.of("email"),
                of("/data/id", "/data/display_name", "/data/username", "/data/email", null)
                        .verifiedBy("/data/is_email_confirmed")).adjustedBy(ProviderQuirks::wakatimeAvatar));
        add(m, ProviderSpec.of("livechat", "LiveChat", 27, true, "https://accounts.livechat.com/",
                "https://accounts.livechat.com/token", "https://accounts.livechat.com/v2/accounts/me", List.of(),
                of("/account_id", "/name", null, "/email", "/avatar_url").verifiedBy("/email_verified")));
        add(m, ProviderSpec.of("mailcow", "mailcow", 28, true, "", "", "", List.of("profile"),
                of("/id", "/full_name", "/username", "/email", null).activeWhen("/active", 1))
                .adjustedBy(ProviderQuirks::mailcowUsername));
        add(m, ProviderSpec.of("planningcenter", "Planning Center", 29, true,
                "https://api.planningcenteronline.com/oauth/authorize",
                "https://api.planningcenteronline.com/oauth/token", "https://api.planningcenteronline.com/people/v2/me",
                List.of("people"), of("/data/id", "/data/attributes/name", null, null, "/data/attributes/avatar")
                        .activeWhen("/data/attributes/status", "active")));
        for (String name : List.of("oidc", "oidc2", "oidc3")) {
            add(m, ProviderSpec.of(name, OIDC_NAME, OIDC_ORDER, true, "", "", "", List.of("openid", "email", "profile"),
                    of("/sub", "/name", "/preferred_username", "/email", "/picture").verifiedBy("/email_verified"))
                    .fetchedBy(ProviderQuirks::oidcUser));
        }
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, ProviderSpec> m, ProviderSpec spec) {
        m.put(spec.name(), spec);
    }
}
