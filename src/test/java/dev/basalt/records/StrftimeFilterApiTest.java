package dev.basalt.records;

import static dev.basalt.records.RelationFixtures.collection;
import static dev.basalt.records.RelationFixtures.relation;
import static dev.basalt.records.RelationFixtures.text;
import static dev.basalt.records.RelationFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code strftime()} in record filters and rules over HTTP: date fields, autodates, a to-one relation, errors. */
class StrftimeFilterApiTest extends ApiTest {

    private List<String> names(String collection, String filter) {
        Response list = get("/api/collections/" + collection + "/records?sort=name&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private String create(String collection, Map<String, Object> body) {
        Response r = post("/api/collections/" + collection + "/records", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    @Test
    void filtersAndRulesMatchByFormattedDates() {
        String teams = unique("steams");
        Response t = post("/api/collections", collection(teams, text("name"),
                new LinkedHashMap<>(Map.of("name", "founded", "type", "date"))), superuser());
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        String old = create(teams, Map.of("name", "old", "founded", "1999-12-31 23:30:00.000Z"));
        String events = unique("sevents");
        Map<String, Object> def = collection(events, text("name"),
                new LinkedHashMap<>(Map.of("name", "due", "type", "date")),
                relation("team", t.json().get("id").asString(), 1, false, false));
        def.put("listRule", "strftime('%w', due) != '0' && strftime('%w', due) != '6'"); // weekdays only
        Response e = post("/api/collections", def, superuser());
        assertThat(e.status()).as(e.body()).isEqualTo(200);
        create(events, Map.of("name", "fri", "due", "2026-01-02 23:30:00.000Z", "team", old));
        create(events, Map.of("name", "sat", "due", "2026-01-03 10:00:00.000Z"));
        create(events, Map.of("name", "mon", "due", "2026-01-05 00:00:00.000Z"));
        create(events, Map.of("name", "none"));

        assertThat(names(events, "strftime('%Y-%m', due) = '2026-01'")).containsExactly("fri", "mon");
        assertThat(names(events, "strftime('%H:%M', due) = '23:30'")).containsExactly("fri");
        assertThat(names(events, "strftime('%Y-%m-%d', due, '+1 days') = '2026-01-06'")).containsExactly("mon");
        assertThat(names(events, "strftime('%Y', due) = ''")).containsExactly("none");
        assertThat(names(events, "strftime('%Y', team.founded) = '1999'")).containsExactly("fri");
        int year = Year.now(ZoneOffset.UTC).getValue();
        assertThat(names(events, "strftime('%Y', created) = '" + year + "'")).containsExactly("fri", "mon", "none");
        assertThat(names(events, "strftime('%Y', created) = strftime('%Y')")).hasSize(3);
        // the rule hides Saturday from everyone but superusers
        Response all = get("/api/collections/" + events + "/records?perPage=10", superuser());
        assertThat(all.json().get("totalItems").asInt()).isEqualTo(4);

        Response bad = get("/api/collections/" + events + "/records?filter="
                + URLEncoder.encode("strftime('%Q', due) = '1'", StandardCharsets.UTF_8), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asString()).contains("unsupported format '%Q'");

        Map<String, Object> badRule = collection(unique("sbad"), text("name"));
        badRule.put("listRule", "strftime('%Y', name) = '2026'");
        Response refused = post("/api/collections", badRule, superuser());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("strftime needs a date field");
    }
}
