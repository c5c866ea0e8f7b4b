package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Paging while records change: PostgreSQL moves a row on update, so without a total order a client paging with
 * {@code perPage=5} would get one record twice and miss another. Every record must be seen exactly once.
 */
class PagingApiTest extends ApiTest {
    private static final int RECORDS = 20;
    private static final int PER_PAGE = 5;

    @Autowired
    DSLContext dsl;

    private String name;

    @BeforeEach
    void createRecords() {
        name = "paging_" + Long.toString(System.nanoTime(), 36);
        Response r = post("/api/collections", Map.of("name", name, "type", "base", "listRule", "", "createRule", "",
                "updateRule", "", "fields", List.of(Map.of("name", "title", "type", "text"),
                        Map.of("name", "rank", "type", "number"))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (int i = 0; i < RECORDS; i++) {
            r = post(records(), Map.of("title", "t" + i, "rank", 1), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        // identical sort values everywhere: only the tiebreaker orders the rows
        dsl.update(DSL.table(DSL.name(name)))
                .set(DSL.field(DSL.name("created"), OffsetDateTime.class), OffsetDateTime.parse("2024-01-01T00:00Z"))
                .execute();
    }

    private String records() {
        return "/api/collections/" + name + "/records";
    }

    @ParameterizedTest(name = "sort={0}")
    @ValueSource(strings = {"", "created", "-created", "rank", "-rank,title", "-rank,-created"})
    void everyRecordAppearsOnceWhileRecordsAreUpdatedBetweenPages(String sort) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> order = new ArrayList<>();
        int totalPages = 0;
        for (int page = 1; page == 1 || page <= totalPages; page++) {
            Response r = get(records() + "?perPage=" + PER_PAGE + "&page=" + page
                    + (sort.isEmpty() ? "" : "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8)), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            totalPages = r.get("totalPages").asInt();
            for (JsonNode item : r.get("items")) {
                String id = item.get("id").asString();
                seen.merge(id, 1, Integer::sum);
                order.add(id);
            }
            // the client's own edits between pages: each record just read is updated (and moves in the heap)
            for (JsonNode item : r.get("items")) {
                Response u = patch(records() + "/" + item.get("id").asString(),
                        Map.of("title", item.get("title").asString() + "!"), null);
                assertThat(u.status()).as(u.body()).isEqualTo(200);
            }
        }
        assertThat(totalPages).isEqualTo(RECORDS / PER_PAGE);
        assertThat(seen).as("ids in page order: %s", order).hasSize(RECORDS).allSatisfy((id, times) ->
                assertThat(times).as(id).isEqualTo(1));
    }
}
