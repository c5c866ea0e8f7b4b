package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.access.RuleType;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.QueryException;
import dev.basalt.query.RequestInfo;
import dev.basalt.realtime.ChangeEvent;
import dev.basalt.realtime.SubscriptionView;
import dev.basalt.shared.Caller;
import dev.basalt.testing.ApiTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The realtime audience decides every subscriber of a change from checks compiled once and kept between changes
 * ({@link AudienceChecks}), in memory where it can; each decision must equal the records API's SQL for the same
 * rule, caller and record. Tricky rules (null and empty auth values, relation and multi-valued fields, {@code ?=},
 * modifiers, {@code @request.auth.collectionName}, {@code @collection}, JSON) for guests, users of two auth
 * collections and a superuser, each decided twice (the second time from the kept checks) over several records.
 */
class AudienceDecisionsTest extends ApiTest {
    @Autowired
    private RecordAudience audience;
    @Autowired
    private AccessRules rules;
    @Autowired
    private CollectionRegistry registry;
    @Autowired
    private RecordReads reads;
    @Autowired
    private DSLContext dsl;

    private String suffix;
    private String members;
    private String teams;
    private String docs;
    private final List<Caller> callers = new ArrayList<>();
    private final List<String> docIds = new ArrayList<>();

    @BeforeEach
    void fixture() {
        suffix = Long.toString(System.nanoTime(), 36);
        members = create(Map.of("name", "aud_members_" + suffix, "type", "auth", "fields", List.of(
                Map.of("name", "role", "type", "text"),
                Map.of("name", "level", "type", "number"),
                Map.of("name", "tags", "type", "select", "values", List.of("a", "b", "c"), "maxSelect", 3))));
        String others = create(Map.of("name", "aud_others_" + suffix, "type", "auth", "fields", List.of(
                Map.of("name", "role", "type", "text"))));
        String u1 = record(members, Map.of("email", "u1@aud.test", "password", "Audience-Pass-1",
                "passwordConfirm", "Audience-Pass-1", "role", "admin", "level", 3, "tags", List.of("a", "b"),
                "verified", true));
        String u2 = record(members, Map.of("email", "u2@aud.test", "password", "Audience-Pass-1",
                "passwordConfirm", "Audience-Pass-1"));
        String o1 = record(others, Map.of("email", "o1@aud.test", "password", "Audience-Pass-1",
                "passwordConfirm", "Audience-Pass-1", "role", "admin"));
        teams = create(Map.of("name", "aud_teams_" + suffix, "fields", List.of(
                Map.of("name", "members", "type", "relation", "collectionId", members, "maxSelect", 10))));
        String team = record(teams, Map.of("members", List.of(u1)));
        docs = create(Map.of("name", "aud_docs_" + suffix, "fields", List.of(
                Map.of("name", "owner", "type", "relation", "collectionId", members, "maxSelect", 1),
                Map.of("name", "editors", "type", "relation", "collectionId", members, "maxSelect", 5),
                Map.of("name", "team", "type", "relation", "collectionId", teams, "maxSelect", 1),
                Map.of("name", "tags", "type", "select", "values", List.of("a", "b", "c"), "maxSelect", 3),
                Map.of("name", "title", "type", "text"),
                Map.of("name", "num", "type", "number"),
                Map.of("name", "data", "type", "json"))));
        docIds.add(record(docs, Map.of("owner", u1, "editors", List.of(u1, u2), "team", team,
                "tags", List.of("a"), "title", "admin notes", "num", 7, "data", Map.of("x", 1))));
        docIds.add(record(docs, Map.of("owner", u2, "editors", List.of(u1), "tags", List.of("b", "c"),
                "title", "", "num", 0)));
        docIds.add(record(docs, Map.of("title", "orphan")));
        docIds.add(record(docs, Map.of("owner", u1, "editors", List.of(u2), "tags", List.of("c"), "num", 10,
                "data", Map.of("x", 2))));
        callers.add(Caller.ANONYMOUS);
        callers.add(caller(members, u1));
        callers.add(caller(members, u2));
        callers.add(caller(others, o1));
        callers.add(new Caller("s1", "pbc_3142635823", "_superusers", true, Map.of()));
    }

    @Test
    void keptInMemoryChecksDecideAsTheRecordsApisSql() {
        String membersName = "aud_members_" + suffix;
        String teamsName = "aud_teams_" + suffix;
        List<String> tricky = List.of(
                "owner = @request.auth.id",
                "@request.auth.id != ''",
                "@request.auth.id = ''",
                "owner = @request.auth.id || num > 5",
                "owner = @request.auth.id && title != ''",
                "owner != @request.auth.id",
                "editors ?= @request.auth.id",
                "editors = @request.auth.id",
                "editors:length > 1 && @request.auth.id != ''",
                "editors:each != @request.auth.id",
                "tags ?= @request.auth.tags",
                "@request.auth.tags ?= 'a' && tags:length > 0",
                "@request.auth.tags:length = 0",
                "@request.auth.collectionName = '" + membersName + "'",
                "@request.auth.collectionName = '" + membersName + "' && owner = @request.auth.id",
                "@request.auth.role = 'admin' || owner = @request.auth.id",
                "@request.auth.role = '' && @request.auth.id != ''",
                "@request.auth.role = null",
                "@request.auth.level > 2 && num >= @request.auth.level",
                "@request.auth.verified = true",
                "@request.auth.nothere = null && @request.auth.id != ''",
                "title ~ @request.auth.role",
                "title:lower ~ 'ADMIN'",
                "@request.context = 'realtime' && @request.query.k = 'v'",
                "@request.query.k:isset = true || @request.headers.x_h = 'h'",
                "owner.role = 'admin'",
                "owner.id = @request.auth.id && owner.tags ?= 'a'",
                "team.members ?= @request.auth.id",
                "team.members.role ?= @request.auth.role",
                "@collection." + teamsName + ".members ?= @request.auth.id && @collection." + teamsName + ".id = team",
                "data.x = 1 || owner = @request.auth.id",
                "owner = @request.auth.id && @now > '2000-01-01 00:00:00.000Z'");
        int compared = 0;
        for (String rule : tricky) {
            setListRule(rule);
            Collection collection = registry.find(docs).orElseThrow();
            for (int pass = 0; pass < 2; pass++) {
                for (String id : docIds) {
                    RecordData row = reads.findById(collection, id).orElseThrow();
                    for (Caller caller : callers) {
                        boolean expected = sqlAllows(collection, id, RuleCheck.of(collection, RuleType.LIST, caller,
                                info()));
                        assertThat(receives(collection, row, caller, Map.of("k", "v")))
                                .as("rule %s, caller %s, record %s, pass %d", rule, caller.id(), id, pass)
                                .isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(tricky.size() * 2 * docIds.size() * callers.size());
    }

    @Test
    void keptFiltersDecideAsTheRecordsApisSql() {
        setListRule("");
        Collection collection = registry.find(docs).orElseThrow();
        List<String> filters = List.of("owner = @request.auth.id", "editors ?= @request.auth.id && num > 1",
                "owner.role = 'admin'", "tags:length = 1", "title = 'orphan' || @request.auth.id = ''");
        for (String filter : filters) {
            for (String id : docIds) {
                RecordData row = reads.findById(collection, id).orElseThrow();
                for (Caller caller : callers) {
                    boolean expected = sqlAllows(collection, id, RuleCheck.filter(collection, filter, caller, info()));
                    for (int pass = 0; pass < 2; pass++) {
                        assertThat(receives(collection, row, caller, Map.of("filter", filter, "k", "v")))
                                .as("filter %s, caller %s, record %s", filter, caller.id(), id).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void theClockIsReadOnlyByMacrosAndStrftime() {
        assertThat(AudienceChecks.readsClock("owner = @request.auth.id && @collection.x.id != ''")).isFalse();
        assertThat(AudienceChecks.readsClock("created > @now")).isTrue();
        assertThat(AudienceChecks.readsClock("strftime('%Y', created) = '2026'")).isTrue();
        assertThat(AudienceChecks.readsClock(null)).isFalse();
    }

    /** What the realtime audience decides for one subscriber of {@code docs/*}. */
    private boolean receives(Collection collection, RecordData row, Caller caller, Map<String, String> query) {
        ChangeEvent change = new ChangeEvent(collection.id(), collection.name(), row.id(), ChangeEvent.UPDATE,
                RecordSnapshots.encode(row));
        SubscriptionView view = new SubscriptionView(collection.name() + "/*", true, query, Map.of("x_h", "h"),
                caller);
        return audience.messages(change, List.of(view)).getFirst() != null;
    }

    private static RequestInfo info() {
        return new RequestInfo("GET", "realtime", Map.of("k", "v"), Map.of("x_h", "h"), Map.of());
    }

    /** The records API's answer; a filter that does not compile for the caller (400 there) receives nothing. */
    private boolean sqlAllows(Collection collection, String id, RuleCheck check) {
        Condition condition;
        try {
            condition = rules.condition(check);
        } catch (QueryException e) {
            return false;
        }
        return dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name(collection.name())))
                .where(DSL.field(DSL.name(collection.name(), "id")).eq(id)).and(condition));
    }

    private void setListRule(String rule) {
        Response r = patch("/api/collections/" + docs, Map.of("listRule", rule), superuser());
        assertThat(r.status()).as(rule + ": " + r.body()).isEqualTo(200);
    }

    private Caller caller(String collectionId, String id) {
        Collection c = registry.find(collectionId).orElseThrow();
        RecordData row = reads.findById(c, id).orElseThrow();
        return new Caller(row.id(), c.id(), c.name(), false, RecordJson.render(row, true, true));
    }

    private String create(Map<String, Object> body) {
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }

    private String record(String collection, Map<String, Object> body) {
        Response r = post("/api/collections/" + collection + "/records", new LinkedHashMap<>(body), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }
}
