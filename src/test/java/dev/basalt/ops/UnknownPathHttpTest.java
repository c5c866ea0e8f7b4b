package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Paths no endpoint serves answer PocketBase's 404 JSON on a real server (no static-resource fallback). */
@Tag("db")
class UnknownPathHttpTest {
    private static final String NOT_FOUND = "{\"status\":404,\"message\":\"The requested resource wasn't found.\",\"data\":{}}";
    private static OpsTestApplication app;

    @BeforeAll
    static void start() {
        app = OpsTestApplication.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void unknownPathsAnswer404InPocketBaseShape() {
        for (String path : new String[] {"/api/nonexistent", "/index.html", "/static/app.js", "/api/collections/x/y/z/w"}) {
            HttpResponse<String> response = app.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).as(path).isEqualTo(NOT_FOUND);
        }
    }

    @Test
    void unknownPathsWithOtherMethodsAnswer404Too() {
        HttpResponse<String> response = app.send("DELETE", "/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(NOT_FOUND);
    }
}
