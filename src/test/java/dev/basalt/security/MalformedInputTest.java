package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Anonymous input that used to crash a handler (500 with a logged stack trace) or reach Tomcat's and Spring's own
 * error pages: every answer is a 4xx in PocketBase's JSON shape. Requests go over a raw socket, byte for byte, since
 * HTTP clients refuse to send most of them.
 */
class MalformedInputTest extends SecurityFixtures {
    private static final int MAX_ANSWER = 2048;
    private static String notes;
    private static String users;

    @BeforeEach
    void collections() {
        if (notes == null) {
            notes = base("notes", List.of(field("title", "text"), field("meta", "json")), "", "", "", "", "")
                    .get("name").asString();
            users = users(List.of()).get("name").asString();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"filter=%C3%28", "sort=%FF", "expand=%E0%80", "fields=%C0"})
    void invalidUtf8InQueryParametersIs400(String query) {
        assertPocketBaseError(raw("GET " + records(notes) + "?" + query + " HTTP/1.1\r\nHost: t\r\n"
                + "Connection: close\r\n\r\n"), 400);
    }

    @Test
    void nulInTextOrJsonValuesIs400AndStoresNothing() {
        int before = count(notes);
        for (Map<String, Object> body : List.of(Map.<String, Object>of("title", "a\u0000b"),
                Map.<String, Object>of("title", "ok", "meta", Map.of("k", "a\u0000b")))) {
            Response r = post(records(notes), body, null);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).startsWith("{\"status\":400,").doesNotContain("SQL").doesNotContain("Exception");
        }
        assertThat(count(notes)).isEqualTo(before);
    }

    @Test
    void nulInASignInIdentityIs400() {
        Response r = post("/api/collections/" + users + "/auth-with-password",
                Map.of("identity", "ann\u0000@example.com", "password", "whatever-123"), null);
        assertThat(r.status()).as(r.body()).isIn(400);
        assertThat(r.body()).startsWith("{\"status\":400,");
    }

    @Test
    void moreThanAThousandFormFieldsIs400() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < 1_100; i++) {
            form.append('f').append(i).append("=x&");
        }
        assertPocketBaseError(raw("POST " + records(notes) + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n"
                + form), 400);
    }

    @Test
    void requestsTomcatAndTheFirewallRefuseAnswerInPocketBaseShape() {
        String close = " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
        assertPocketBaseError(raw("GET /api/" + "a".repeat(9_000) + close), 400);
        assertPocketBaseError(raw("GET /api/%ZZ" + close), 400);
        assertPocketBaseError(raw("GET /api/a%00b" + close), 400);
        assertPocketBaseError(raw("GET /api/..;/health" + close), 400);
        assertPocketBaseError(raw("GET /api/%2e%2e/health" + close), 400);
        assertPocketBaseError(raw("TRACE /api/health" + close), 405);
        assertPocketBaseError(raw("GET /error" + close), 404);
    }

    private static void assertPocketBaseError(String answer, int status) {
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).as(answer).startsWith("HTTP/1.1 " + status).containsIgnoringCase("application/json");
        assertThat(body).as(answer).contains("{\"status\":" + status + ",\"message\":\"").contains("\"data\":{}")
                .doesNotContain("<html").doesNotContain("timestamp").doesNotContain("Exception");
    }

    private String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readNBytes(MAX_ANSWER), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
