package dev.basalt.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.QueryException;
import dev.basalt.query.RequestInfo;
import dev.basalt.shared.Caller;
import dev.basalt.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one rule path: each kind of rule, for a guest, a user and a superuser, as SQL on a real table and as the
 * in-memory row check, with the same answers.
 */
class AccessRulesTest extends ApiTest {
    private static final Caller USER = new Caller("u1", "users_id", "users", false, Map.of("name", "ann"));
    private static final Caller ROOT = new Caller("s1", "pbc_3142635823", "_superusers", true, Map.of());

    @Autowired
    private AccessRules rules;
    @Autowired
    private CollectionRegistry registry;
    @Autowired
    private DSLContext dsl;

    private Collection posts;

    @BeforeEach
    void collection() {
        String name = "access_" + Long.toString(System.nanoTime(), 36);
        Response r = post("/api/collections", Map.of("name", name, "listRule", "", "fields", List.of(
                Map.of("name", "title", "type", "text"), Map.of("name", "owner", "type", "text"),
                Map.of("name", "secret", "type", "text", "hidden", true))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        post("/api/collections/" + name + "/records", Map.of("id", "mine00000000001", "owner", "u1",
                "title", "a", "secret", "s"), superuser());
        post("/api/collections/" + name + "/records", Map.of("id", "other0000000001", "owner", "u2",
                "title", "b", "secret", "t"), superuser());
        posts = registry.find(name).orElseThrow();
    }

    private List<String> ids(RuleCheck check) {
        var table = DSL.table(DSL.name(posts.name()));
        return dsl.select(DSL.field(DSL.name(posts.name(), "id"), String.class)).from(table)
                .where(rules.condition(check)).orderBy(DSL.field(DSL.name(posts.name(), "id"))).fetch().getValues(0,
                        String.class);
    }

    private Boolean inMemory(RuleCheck check, String owner) {
        return rules.rowCondition(check).test(Map.of("id", "x", "owner", owner, "title", "a", "secret", "s"))
                .orElseThrow();
    }

    @Test
    void aNullRuleReachesNothingButSuperusers() {
        assertThat(ids(RuleCheck.rule(posts, null, Caller.ANONYMOUS, RequestInfo.NONE))).isEmpty();
        assertThat(ids(RuleCheck.rule(posts, null, USER, RequestInfo.NONE))).isEmpty();
        assertThat(ids(RuleCheck.rule(posts, null, ROOT, RequestInfo.NONE))).hasSize(2);
        assertThat(inMemory(RuleCheck.rule(posts, null, USER, RequestInfo.NONE), "u1")).isFalse();
        assertThat(inMemory(RuleCheck.rule(posts, null, ROOT, RequestInfo.NONE), "u1")).isTrue();
        assertThat(rules.decide(posts, RuleType.VIEW, USER)).isInstanceOf(RuleDecision.SuperusersOnly.class);
    }

    @Test
    void anEmptyRuleReachesEveryRecord() {
        assertThat(ids(RuleCheck.of(posts, RuleType.LIST, Caller.ANONYMOUS, RequestInfo.NONE))).hasSize(2);
        assertThat(inMemory(RuleCheck.of(posts, RuleType.LIST, Caller.ANONYMOUS, RequestInfo.NONE), "u2")).isTrue();
    }

    @Test
    void anExpressionReadsTheCallerAndTheRequest() {
        RuleCheck own = RuleCheck.rule(posts, "owner = @request.auth.id", USER, RequestInfo.NONE);
        assertThat(ids(own)).containsExactly("mine00000000001");
        assertThat(inMemory(own, "u1")).isTrue();
        assertThat(inMemory(own, "u2")).isFalse();
        assertThat(ids(RuleCheck.rule(posts, "owner = @request.auth.id", Caller.ANONYMOUS, RequestInfo.NONE)))
                .isEmpty();
        RequestInfo query = new RequestInfo("GET", "realtime", Map.of("who", "u2"), Map.of("x_tag", "t"), Map.of());
        RuleCheck byQuery = RuleCheck.rule(posts,
                "owner = @request.query.who && @request.headers.x_tag = 't' && @request.context = 'realtime'",
                USER, query);
        assertThat(ids(byQuery)).containsExactly("other0000000001");
        assertThat(inMemory(byQuery, "u2")).isTrue();
    }

    @Test
    void rulesReadHiddenFieldsButAGuestsFilterMayNot() {
        assertThat(ids(RuleCheck.rule(posts, "secret = 's'", USER, RequestInfo.NONE)))
                .containsExactly("mine00000000001");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ids(RuleCheck.filter(posts, "secret = 's'", USER, RequestInfo.NONE)))
                .isInstanceOf(QueryException.class);
        assertThat(ids(RuleCheck.filter(posts, "secret = 's'", ROOT, RequestInfo.NONE)))
                .containsExactly("mine00000000001");
        // a superuser's filter still filters: only rules are bypassed
        assertThat(ids(RuleCheck.filter(posts, "title = 'b'", ROOT, RequestInfo.NONE)))
                .containsExactly("other0000000001");
    }
}
