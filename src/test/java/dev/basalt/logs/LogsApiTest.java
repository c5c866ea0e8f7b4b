package dev.basalt.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.logs.internal.LogWriter;
import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The request logs through the HTTP API: capture, shape, filter, sort, stats and the {@code logs} settings. */
class LogsApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private LogWriter writer;
    @Autowired
    private DSLContext dsl;

    @AfterEach
    void restoreSettings() {
        patch("/api/settings", Map.of("logs", Map.of("maxDays", 5, "minLevel", 0, "logIP", true,
                "logAuthId", false)), superuser());
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** The entries whose URL contains the marker, once at least {@code count} are written (bounded poll). */
    private JsonNode awaitEntries(String marker, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Response r = get("/api/logs?sort=created&filter=" + q("data.url ~ '" + marker + "'"), superuser());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            // items, not totalItems: the count is a statement of its own and may see a batch the page did not
            if (r.get("items").size() >= count || System.nanoTime() > deadline) {
                return r.get("items");
            }
            Thread.sleep(20);
        }
    }

    private JsonNode entries(String marker) {
        return get("/api/logs?filter=" + q("data.url ~ '" + marker + "'"), superuser()).get("items");
    }

    @Test
    void theRetentionJobDeletesEntriesOlderThanMaxDays() throws Exception {
        String marker = marker();
        Table<Record> logs = DSL.table(DSL.name("_logs"));
        for (int days : new int[] {6, 4}) {
            dsl.insertInto(logs).set(DSL.field(DSL.name("id")), marker.substring(0, 13) + days)
                    .set(DSL.field(DSL.name("created")), OffsetDateTime.now(ZoneOffset.UTC).minusDays(days))
                    .set(DSL.field(DSL.name("message")), marker)
                    .execute();
        }
        assertThat(get("/api/crons", superuser()).body()).contains("\"id\":\"__pbLogsCleanup__\"");
        assertThat(post("/api/crons/__pbLogsCleanup__", null, superuser()).status()).isEqualTo(204);
        long deadline = System.nanoTime() + WAIT.toNanos();
        Response r;
        do {
            r = get("/api/logs?sort=created&filter=" + q("message = '" + marker + "'"), superuser());
        } while (r.get("items").size() > 1 && System.nanoTime() < deadline && sleep());
        assertThat(r.get("items")).hasSize(1);
        assertThat(r.get("items").get(0).get("id").asString()).isEqualTo(marker.substring(0, 13) + 4);
    }

    @Test
    void aFailingRequestIsLoggedAsAnErrorInPocketBasesShape() throws Exception {
        String marker = marker();
        Response missing = get("/api/collections/" + marker + "/records?x=1", null);
        assertThat(missing.status()).isEqualTo(404);

        JsonNode items = awaitEntries(marker, 1);
        assertThat(items).hasSize(1);
        JsonNode entry = items.get(0);
        assertThat(entry.get("id").asString()).hasSize(15);
        assertThat(entry.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(entry.get("level").asInt()).isEqualTo(LogLevels.ERROR);
        assertThat(entry.get("message").asString()).isEqualTo("GET /api/collections/" + marker + "/records?x=1");
        JsonNode data = entry.get("data");
        assertThat(data.get("type").asString()).isEqualTo("request");
        assertThat(data.get("method").asString()).isEqualTo("GET");
        assertThat(data.get("status").asInt()).isEqualTo(404);
        assertThat(data.get("url").asString()).isEqualTo("/api/collections/" + marker + "/records?x=1");
        assertThat(data.get("execTime").isNumber()).isTrue();
        assertThat(data.get("auth").asString()).isEmpty();
        assertThat(data.get("error").asString()).isNotBlank();
        assertThat(data.get("userIP").asString()).isEqualTo("127.0.0.1");
        assertThat(data.get("remoteIP").asString()).isEqualTo("127.0.0.1");
        assertThat(data.has("authId")).isFalse();
        assertThat(data.get("userAgent").asString()).isNotNull();

        Response one = get("/api/logs/" + entry.get("id").asString(), superuser());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(entry);
    }

    @Test
    void filterAndSortUseTheFilterLanguage() throws Exception {
        String marker = marker();
        assertThat(get("/api/health?" + marker, null).status()).isEqualTo(200);
        assertThat(get("/api/collections/" + marker + "/records", null).status()).isEqualTo(404);
        awaitEntries(marker, 2);

        Response errors = get("/api/logs?filter=" + q("data.url ~ '" + marker + "' && data.status >= 400"),
                superuser());
        assertThat(errors.get("totalItems").asInt()).isEqualTo(1);
        assertThat(errors.get("items").get(0).get("data").get("status").asInt()).isEqualTo(404);

        Response byLevel = get("/api/logs?sort=-level&filter=" + q("message ~ '" + marker + "' && level >= 0"),
                superuser());
        assertThat(byLevel.get("items")).hasSize(2);
        assertThat(byLevel.get("items").get(0).get("level").asInt()).isEqualTo(LogLevels.ERROR);
        assertThat(byLevel.get("items").get(1).get("level").asInt()).isEqualTo(LogLevels.INFO);

        Response page = get("/api/logs?perPage=1&page=2&sort=level&filter=" + q("data.url ~ '" + marker + "'"),
                superuser());
        assertThat(page.get("totalItems").asInt()).isEqualTo(2);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("level").asInt()).isEqualTo(LogLevels.ERROR);

        Response bad = get("/api/logs?filter=" + q("nope = 1"), superuser());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).doesNotContainIgnoringCase("select");
    }

    @Test
    void statsCountEntriesPerHour() throws Exception {
        String marker = marker();
        for (int i = 0; i < 3; i++) {
            get("/api/health?" + marker, null);
        }
        awaitEntries(marker, 3);
        Response stats = get("/api/logs/stats?filter=" + q("data.url ~ '" + marker + "'"), superuser());
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        // three requests in a row: one hour, or two when they straddle the turn of an hour
        assertThat(stats.json().size()).isBetween(1, 2);
        int total = 0;
        for (JsonNode hour : stats.json()) {
            assertThat(hour.get("date").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:00:00\\.000Z");
            total += hour.get("total").asInt();
        }
        assertThat(total).isEqualTo(3);
        assertThat(get("/api/logs/stats", superuser()).json().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlySuperusersReadTheLogs() {
        assertThat(get("/api/logs", null).status()).isEqualTo(401);
        assertThat(get("/api/logs/stats", null).status()).isEqualTo(401);
        assertThat(get("/api/logs/abc", null).status()).isEqualTo(401);
        Response missing = get("/api/logs/doesnotexist123", superuser());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.get("message").asString()).isEqualTo("The requested resource wasn't found.");
    }

    @Test
    void minLevelDropsEntriesBelowIt() throws Exception {
        assertThat(patch("/api/settings", Map.of("logs", Map.of("minLevel", LogLevels.ERROR)), superuser())
                .get("logs").get("minLevel").asInt()).isEqualTo(LogLevels.ERROR);
        String marker = marker();
        assertThat(get("/api/health?" + marker, null).status()).isEqualTo(200);
        assertThat(get("/api/collections/" + marker + "/records", null).status()).isEqualTo(404);
        awaitEntries(marker, 1);
        assertThat(writer.flush(WAIT)).isTrue();
        JsonNode items = entries(marker);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("level").asInt()).isEqualTo(LogLevels.ERROR);
    }

    @Test
    void maxDaysZeroTurnsLoggingOff() throws Exception {
        patch("/api/settings", Map.of("logs", Map.of("maxDays", 0)), superuser());
        String off = marker();
        get("/api/collections/" + off + "/records", null);
        patch("/api/settings", Map.of("logs", Map.of("maxDays", 5)), superuser());
        String on = marker();
        get("/api/collections/" + on + "/records", null);
        awaitEntries(on, 1);
        assertThat(writer.flush(WAIT)).isTrue();
        assertThat(entries(off)).isEmpty();
    }

    @Test
    void logIpAndLogAuthIdDecideWhatIsKept() throws Exception {
        patch("/api/settings", Map.of("logs", Map.of("logIP", false, "logAuthId", true)), superuser());
        String marker = marker();
        get("/api/collections/" + marker + "/records", superuser());
        JsonNode data = awaitEntries(marker, 1).get(0).get("data");
        assertThat(data.has("userIP")).isFalse();
        assertThat(data.has("remoteIP")).isFalse();
        assertThat(data.get("auth").asString()).isEqualTo("_superusers");
        assertThat(data.get("authId").asString()).isNotBlank();
    }

    @Test
    void theLogsSettingsAreValidated() {
        Response bad = patch("/api/settings", Map.of("logs", Map.of("maxDays", -1, "logIP", "yes")), superuser());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.get("data").has("logs.maxDays")).isTrue();
        assertThat(bad.get("data").has("logs.logIP")).isTrue();
        JsonNode logs = get("/api/settings", superuser()).get("logs");
        assertThat(logs.get("maxDays").asInt()).isEqualTo(5);
        assertThat(logs.get("logIP").asBoolean()).isTrue();
        assertThat(logs.get("logAuthId").asBoolean()).isFalse();
        assertThat(logs.get("minLevel").asInt()).isZero();
    }

    @Test
    void applicationWarningsAreLoggedWithTheirLevel() throws Exception {
        String marker = marker();
        LoggerFactory.getLogger("dev.basalt.sample").warn("sample warning {}", marker);
        LoggerFactory.getLogger("dev.basalt.sample").error("sample error {}", marker, new IllegalStateException("x"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        Response r;
        do {
            r = get("/api/logs?sort=level&filter=" + q("message ~ '" + marker + "'"), superuser());
        } while (r.get("items").size() < 2 && System.nanoTime() < deadline && sleep());
        assertThat(r.get("items")).hasSize(2);
        assertThat(r.get("items").get(0).get("level").asInt()).isEqualTo(LogLevels.WARN);
        assertThat(r.get("items").get(0).get("message").asString()).isEqualTo("sample warning " + marker);
        assertThat(r.get("items").get(1).get("level").asInt()).isEqualTo(LogLevels.ERROR);
        assertThat(r.get("items").get(1).get("data").get("error").asString())
                .isEqualTo("java.lang.IllegalStateException: x");
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }
}
