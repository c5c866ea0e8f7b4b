package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.collections.AuthOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The provider catalogue against PocketBase's {@code tools/auth}: names, display names, order, defaults. */
class ProviderCatalogueTest {
    /** Every provider PocketBase registers, with its display name, order and PKCE default. */
    private static final List<Object[]> POCKETBASE = List.of(
            new Object[] {"apple", "Apple", 1, true}, new Object[] {"google", "Google", 2, true},
            new Object[] {"microsoft", "Microsoft", 3, true}, new Object[] {"yandex", "Yandex", 4, true},
            new Object[] {"facebook", "Facebook", 5, true}, new Object[] {"instagram2", "Instagram", 6, true},
            new Object[] {"github", "GitHub", 7, true}, new Object[] {"gitlab", "GitLab", 8, true},
            new Object[] {"bitbucket", "Bitbucket", 9, false}, new Object[] {"gitee", "Gitee", 10, true},
            new Object[] {"gitea", "Gitea/Forgejo", 11, true}, new Object[] {"discord", "Discord", 12, true},
            new Object[] {"twitter", "X/Twitter", 13, true}, new Object[] {"kakao", "Kakao", 14, true},
            new Object[] {"vk", "ВКонтакте", 15, false}, new Object[] {"linear", "Linear", 16, false},
            new Object[] {"notion", "Notion", 17, true}, new Object[] {"monday", "monday.com", 18, true},
            new Object[] {"lark", "Lark", 19, true}, new Object[] {"box", "Box", 20, true},
            new Object[] {"spotify", "Spotify", 21, true}, new Object[] {"trakt", "Trakt", 22, true},
            new Object[] {"twitch", "Twitch", 23, true}, new Object[] {"patreon", "Patreon", 24, true},
            new Object[] {"strava", "Strava", 25, true}, new Object[] {"wakatime", "WakaTime", 26, true},
            new Object[] {"livechat", "LiveChat", 27, true}, new Object[] {"mailcow", "mailcow", 28, true},
            new Object[] {"planningcenter", "Planning Center", 29, true}, new Object[] {"oidc", "OIDC", 99, true},
            new Object[] {"oidc2", "OIDC", 99, true}, new Object[] {"oidc3", "OIDC", 99, true});

    @Test
    void everyPocketBaseProviderIsThereWithItsDisplayNameOrderAndPkce() {
        assertThat(ProviderCatalogue.all().keySet())
                .containsExactlyInAnyOrderElementsOf(POCKETBASE.stream().map(p -> (String) p[0]).toList());
        assertThat(AuthOptions.OAuth2.PROVIDERS).as("settings validation knows the same names")
                .containsExactlyInAnyOrderElementsOf(ProviderCatalogue.all().keySet());
        for (Object[] p : POCKETBASE) {
            ProviderSpec spec = ProviderCatalogue.all().get((String) p[0]);
            assertThat(spec.displayName()).as("%s", p[0]).isEqualTo(p[1]);
            assertThat(spec.order()).as("%s", p[0]).isEqualTo(p[2]);
            assertThat(spec.pkce()).as("%s", p[0]).isEqualTo(p[3]);
            boolean selfHosted = AuthOptions.OAuth2.SELF_HOSTED.contains(spec.name());
            assertThat(spec.authURL().isEmpty()).as("%s has endpoints unless self-hosted", p[0]).isEqualTo(selfHosted);
        }
    }

    @Test
    void theListingFollowsPocketBasesOrder() {
        List<Object> names = OAuth2ProviderList.providers().stream().map(m -> m.get("name")).toList();
        assertThat(names).containsExactlyElementsOf(POCKETBASE.stream().map(p -> p[0]).toList());
        assertThat(OAuth2ProviderList.providers().get(14).get("displayName")).isEqualTo("ВКонтакте");
    }

    @Test
    void settingsOverrideTheDefaultsAndMicrosoftsIdTokenEmailAddsOpenid() {
        OAuth2Providers providers = new OAuth2Providers(new OAuth2Client());
        OAuth2Provider twitch = providers.resolve(Map.of("name", "twitch", "clientId", "a", "clientSecret", "b",
                "pkce", false, "displayName", "My Twitch", "authURL", "https://example.com/auth")).orElseThrow();
        assertThat(twitch.pkce()).isFalse();
        assertThat(twitch.displayName()).isEqualTo("My Twitch");
        assertThat(twitch.authURL()).isEqualTo("https://example.com/auth");
        assertThat(twitch.tokenURL()).isEqualTo("https://id.twitch.tv/oauth2/token");
        assertThat(twitch.scopes()).isEqualTo("user:read:email");
        OAuth2Provider microsoft = providers.resolve(Map.of("name", "microsoft", "clientId", "a", "clientSecret", "b",
                "extra", Map.of("idTokenEmailClaim", "any_verified"))).orElseThrow();
        assertThat(microsoft.scopes()).isEqualTo("User.Read openid");
        assertThat(microsoft.kind()).isEqualTo("microsoft");
        OAuth2Provider oidc2 = providers.resolve(Map.of("name", "oidc2", "authURL", "https://idp.example/a",
                "tokenURL", "https://idp.example/t")).orElseThrow();
        assertThat(oidc2.scopes()).isEqualTo("openid email profile");
        assertThat(oidc2.displayName()).isEqualTo("OIDC");
        assertThat(oidc2.kind()).as("generic providers share one definition").isEqualTo("oidc");
    }

    static Stream<Arguments> users() {
        return ProviderSamples.all().stream().map(s -> Arguments.of(s.provider(), s));
    }

    /** Each provider's answer shape (as in PocketBase's tests and the vendors' docs) maps to the same user. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void userInfoMapsAsPocketBase(String name, ProviderSamples.Sample sample) {
        OAuth2User user = ProviderSamples.read(sample);
        assertThat(List.of(user.id(), user.name(), user.username(), user.email(), user.avatarURL()))
                .as(name).containsExactlyElementsOf(sample.expected());
        assertThat(user.emailVerified()).as(name + " vouches for the email").isEqualTo(sample.verified());
        assertThat(user.accessToken()).isEqualTo("access-1");
    }

    /** Google's id_token, when the token response has one, is checked against its JWKS and the user info. */
    @Test
    void googleIdTokenIsVerifiedAgainstItsKeysAndTheUserInfo() {
        String userInfo = "https://www.googleapis.com/oauth2/v3/userinfo";
        Map<String, String> answers = Map.of(userInfo, "{\"sub\": \"g-1\", \"email\": \"g@example.com\", "
                + "\"email_verified\": true}", UserInfoIdTokens.GOOGLE_KEYS, ProviderSamples.jwks());
        String valid = ProviderSamples.idToken("https://accounts.google.com", Map.of("sub", "g-1"));
        assertThat(ProviderSamples.read("google", answers, Map.of("id_token", valid), Map.of()).id()).isEqualTo("g-1");
        assertThat(ProviderSamples.read("google", answers, Map.of(), Map.of()).id())
                .as("no id_token: the user info alone, as PocketBase").isEqualTo("g-1");

        Map<String, String> otherKeys = new HashMap<>(answers);
        otherKeys.put(UserInfoIdTokens.GOOGLE_KEYS, ProviderSamples.otherJwks());
        assertThatThrownBy(() -> ProviderSamples.read("google", otherKeys, Map.of("id_token", valid), Map.of()))
                .hasMessageContaining("signature");
        String otherUser = ProviderSamples.idToken("https://accounts.google.com", Map.of("sub", "g-2"));
        assertThatThrownBy(() -> ProviderSamples.read("google", answers, Map.of("id_token", otherUser), Map.of()))
                .hasMessageContaining("different subjects");
        String otherIssuer = ProviderSamples.idToken("https://evil.example", Map.of("sub", "g-1"));
        assertThatThrownBy(() -> ProviderSamples.read("google", answers, Map.of("id_token", otherIssuer), Map.of()))
                .hasMessageContaining("issuer");
        String otherClient = ProviderSamples.idToken("https://accounts.google.com", Map.of("sub", "g-1",
                "aud", "someone-else"));
        assertThatThrownBy(() -> ProviderSamples.read("google", answers, Map.of("id_token", otherClient), Map.of()))
                .hasMessageContaining("audience");
        String notYet = ProviderSamples.idToken("https://accounts.google.com", Map.of("sub", "g-1",
                "nbf", new java.util.Date(System.currentTimeMillis() + 3_600_000)));
        assertThatThrownBy(() -> ProviderSamples.read("google", answers, Map.of("id_token", notYet), Map.of()))
                .hasMessageContaining("not valid yet");
    }

    @Test
    void unverifiedEmailsAndInactiveAccounts() {
        Map<String, String> github = new HashMap<>(Map.of("https://api.github.com/user",
                "{\"id\": 7, \"login\": \"octo\"}", "https://api.github.com/user/emails",
                "[{\"email\": \"o@example.com\", \"verified\": false, \"primary\": true}]"));
        OAuth2User user = ProviderSamples.read("github", github, Map.of(), Map.of());
        assertThat(user.email()).isEmpty();
        assertThat(user.emailVerified()).isFalse();
        github.remove("https://api.github.com/user/emails");
        assertThat(ProviderSamples.read("github", github, Map.of(), Map.of()).id()).as("emails 404: no email").isEqualTo("7");

        assertThatThrownBy(() -> ProviderSamples.read("bitbucket", Map.of("https://api.bitbucket.org/2.0/user",
                "{\"uuid\": \"{u}\", \"account_status\": \"closed\"}"), Map.of(), Map.of()))
                .isInstanceOf(OAuth2Client.ProviderException.class);
        assertThatThrownBy(() -> ProviderSamples.read("mailcow", Map.of("https://mail.example/oauth/profile",
                "{\"id\": \"m1\", \"active\": 0}"), Map.of(), Map.of("userInfoURL", "https://mail.example/oauth/profile")))
                .isInstanceOf(OAuth2Client.ProviderException.class);
        OAuth2User google = ProviderSamples.read("google", Map.of("https://www.googleapis.com/oauth2/v3/userinfo",
                "{\"sub\": \"g1\", \"email\": \"g@example.com\", \"email_verified\": false}"), Map.of(), Map.of());
        assertThat(google.emailVerified()).isFalse();
    }
}
