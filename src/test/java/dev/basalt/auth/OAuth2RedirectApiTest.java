package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET/POST /api/oauth2-redirect}: the provider's redirect reaches the {@code @oauth2} realtime client. */
class OAuth2RedirectApiTest extends AuthFixtures {
    private static final String SUCCESS = "Authentication completed";
    private static final String FAILURE = "Authentication failed";

    @Test
    void aRedirectReachesTheSubscribedClientOnce() throws Exception {
        try (SseStream stream = subscribed(List.of("@oauth2", "some_collection/*"))) {
            Response ok = get("/api/oauth2-redirect?state=" + stream.clientId + "&code=the-code", null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).contains(SUCCESS);
            SseStream.Event e = stream.next(Duration.ofSeconds(5));
            assertThat(e).isNotNull();
            assertThat(e.name()).isEqualTo("@oauth2");
            assertThat(e.data().get("state").asString()).isEqualTo(stream.clientId);
            assertThat(e.data().get("code").asString()).isEqualTo("the-code");
            assertThat(e.data().has("error")).isFalse();

            Response again = get("/api/oauth2-redirect?state=" + stream.clientId + "&code=replayed", null);
            assertThat(again.body()).as("the subscription ended with the first redirect").contains(FAILURE);
            assertThat(stream.quiet()).isNull();
        }
    }

    @Test
    void unknownOrMissingStatesAndUnsubscribedClientsFail() throws Exception {
        Response unknown = get("/api/oauth2-redirect?state=no-such-client&code=abc", null);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains(FAILURE);
        assertThat(unknown.body()).doesNotContain("abc");
        assertThat(get("/api/oauth2-redirect?code=abc", null).body()).contains(FAILURE);
        assertThat(form("state=no-such-client&code=abc").body()).contains(FAILURE);
        try (SseStream stream = subscribed(List.of("other_collection/*"))) {
            assertThat(get("/api/oauth2-redirect?state=" + stream.clientId + "&code=abc", null).body())
                    .as("not subscribed to @oauth2").contains(FAILURE);
            assertThat(stream.quiet()).isNull();
        }
    }

    @Test
    void formPostAndProviderErrors() throws Exception {
        try (SseStream stream = subscribed(List.of("@oauth2"))) {
            Response posted = form("state=" + stream.clientId + "&code=posted-code");
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.body()).contains(SUCCESS);
            SseStream.Event e = stream.next(Duration.ofSeconds(5));
            assertThat(e).isNotNull();
            assertThat(e.data().get("code").asString()).isEqualTo("posted-code");
        }
        try (SseStream stream = subscribed(List.of("@oauth2"))) {
            Response denied = get("/api/oauth2-redirect?state=" + stream.clientId + "&error=access_denied", null);
            assertThat(denied.body()).contains(FAILURE);
            SseStream.Event e = stream.next(Duration.ofSeconds(5));
            assertThat(e).as("the client learns of the error too").isNotNull();
            assertThat(e.data().get("error").asString()).isEqualTo("access_denied");
            assertThat(e.data().get("code").asString()).isEmpty();
        }
    }

    private SseStream subscribed(List<String> topics) throws Exception {
        SseStream stream = new SseStream(baseUrl());
        Response sub = post("/api/realtime", Map.of("clientId", stream.clientId, "subscriptions", topics), null);
        assertThat(sub.status()).isEqualTo(204);
        return stream;
    }

    private Response form(String body) {
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/oauth2-redirect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
