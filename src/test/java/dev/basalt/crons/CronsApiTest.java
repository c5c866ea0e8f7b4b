package dev.basalt.crons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** PocketBase's crons API, the built-in jobs and the per-job metrics. */
class CronsApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private CronRegistry registry;

    @Test
    void listsTheApplicationJobsThenTheSystemOnes() {
        registry.add("a_report", "30 2 * * 1", () -> { });
        try {
            Response r = get("/api/crons", superuser());
            assertThat(r.status()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            r.json().forEach(j -> ids.add(j.get("id").asString()));
            assertThat(ids).contains("a_report", "__pbLogsCleanup__", "__pbOTPCleanup__", "__pbMFACleanup__",
                    "__basaltSessionsCleanup__");
            assertThat(ids.indexOf("a_report")).isLessThan(ids.indexOf("__pbLogsCleanup__"));
            JsonNode logs = r.json().get(ids.indexOf("__pbLogsCleanup__"));
            assertThat(logs.get("expression").asString()).isEqualTo("0 */6 * * *");
            assertThat(logs.size()).isEqualTo(2);
            assertThat(r.json().get(ids.indexOf("a_report")).get("expression").asString()).isEqualTo("30 2 * * 1");
        } finally {
            registry.remove("a_report");
        }
    }

    @Test
    void runsAJobNowAndCountsItInTheMetrics() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        String countMe = "{application=\"basalt\",job=\"count_me\"}";
        String failing = "{application=\"basalt\",job=\"always_fails\"}";
        registry.add("count_me", "0 0 1 1 *", runs::incrementAndGet);
        registry.add("never_runs", "0 0 1 1 *", runs::incrementAndGet);
        registry.add("always_fails", "@daily", () -> {
            throw new IllegalStateException("boom");
        });
        try {
            assertThat(post("/api/crons/count_me", null, superuser()).status()).isEqualTo(204);
            assertThat(post("/api/crons/always_fails", null, superuser()).status()).isEqualTo(204);
            long deadline = System.nanoTime() + WAIT.toNanos();
            String metrics = "";
            while (System.nanoTime() < deadline
                    && !(metrics.contains("basalt_cron_failures_total" + failing + " 1.0")
                    && metrics.contains("basalt_cron_duration_seconds_count" + countMe + " 1"))) {
                Thread.sleep(20);
                metrics = metrics();
            }
            assertThat(runs.get()).isEqualTo(1);
            assertThat(metrics).contains("basalt_cron_duration_seconds_count" + countMe + " 1");
            assertThat(metrics).contains("basalt_cron_failures_total" + countMe + " 0.0");
            assertThat(metrics).contains("basalt_cron_failures_total" + failing + " 1.0");
            assertThat(metrics).containsPattern(
                    "basalt_cron_last_run_seconds\\{application=\"basalt\",job=\"count_me\"} 1\\.[0-9]+E9");
            assertThat(metrics).as("a job that never ran has its gauge too")
                    .contains("basalt_cron_last_run_seconds{application=\"basalt\",job=\"never_runs\"} 0.0");
        } finally {
            registry.remove("count_me");
            registry.remove("always_fails");
            registry.remove("never_runs");
        }
    }

    @Test
    void anUnknownJobIs404AndOnlySuperusersSeeTheJobs() {
        Response missing = post("/api/crons/no_such_job", null, superuser());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.get("message").asString()).isEqualTo("Missing or invalid cron job");
        assertThat(get("/api/crons", null).status()).isEqualTo(401);
        assertThat(post("/api/crons/__pbLogsCleanup__", null, null).status()).isEqualTo(401);
    }

    @Test
    void invalidExpressionsAreRefused() {
        assertThatThrownBy(() -> registry.add("bad", "* * * *", () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> registry.add("bad", "61 * * * *", () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registry.add(" ", "@hourly", () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(registry.jobs()).noneMatch(j -> j.id().equals("bad"));
    }

    private String metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/metrics"))
                .header("Authorization", superuser()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
