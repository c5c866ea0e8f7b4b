package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.params;
import static dev.basalt.query.QueryFixtures.sql;
import static dev.basalt.query.RelationFixtures.CATALOG;
import static dev.basalt.query.RelationFixtures.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each {@code @request.*}, {@code @collection.*} and modifier construct to its SQL and bound values. */
class RuleVocabularyCompilationTest {
    private final QueryCompiler compiler = new QueryCompiler();

    static RequestContext request() {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("id", "u1");
        auth.put("collectionId", "c1");
        auth.put("collectionName", "users");
        auth.put("name", "Ann");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "New");
        body.put("editors", List.of("u2", "u3"));
        body.put("author", "u2");
        body.put("empty", null);
        RequestInfo info = new RequestInfo("patch", "default", Map.of("page", "2"),
                Map.of("x_token", "abc"), body);
        return new RequestContext(auth, Map.of(), QueryFixtures.CLOCK, info);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("@request.method = 'PATCH'",
                        "? = ?", "PATCH", "PATCH"),
                c("@request.context != 'oauth2'",
                        "? is distinct from ?", "default", "oauth2"),
                c("@request.query.page = 2",
                        "cast(? as double precision) = cast(? as double precision)", 2.0, 2.0),
                c("@request.query.missing = null",
                        "true"),
                c("@request.query.page:isset = true",
                        "? = ?", true, true),
                c("@request.headers.x_token = 'abc'",
                        "? = ?", "abc", "abc"),
                c("@request.headers.x_token:lower = 'abc'",
                        "lower(?) = ?", "abc", "abc"),
                c("@request.body.title = title",
                        "? = posts.title", "New"),
                c("@request.body.title:isset = true",
                        "? = ?", true, true),
                c("@request.body.nope:isset = false",
                        "? = ?", false, false),
                c("@request.body.title:changed = false",
                        "posts.title = ?", "New"),
                c("@request.body.editors:changed = true",
                        "posts.editors is distinct from cast(? as text[])", List.of("u2", "u3")),
                c("@request.body.author:changed = false",
                        "posts.author = ?", "u2"),
                c("@request.body.reviewer:changed = true",
                        "false"),
                c("@request.body.editors:length > 1",
                        "coalesce(cardinality(cast(? as text[])), 0) > cast(? as double precision)", List.of("u2", "u3"), 1.0),
                c("@request.body.title:length = 1",
                        "cast(? as double precision) = cast(? as double precision)", 1.0, 1.0),
                c("@request.body.editors:each ?= author",
                        "exists (select 1 as one from unnest(cast(? as text[])) as e0 (v) where coalesce(e0.v, '') = coalesce(posts.author, ''))", List.of("u2", "u3")),
                c("@request.body.editors:each = 'u2'",
                        "not exists (select 1 as one from unnest(cast(? as text[])) as e0 (v) where (e0.v = ?) is distinct from true)", List.of("u2", "u3"), "u2"),
                c("@request.body.title:each ~ 'e'",
                        "not exists (select 1 as one from unnest(cast(? as text[])) as e0 (v) where (e0.v ilike ? escape '\\') is distinct from true)", List.of("New"), "%e%"),
                c("@request.body.author.name = 'Bob'",
                        "not exists (select 1 as one from (select 1 as one) as _one left outer join users as e0_1 on e0_1.id = any (cast(? as text[])) where (e0_1.name = ?) is distinct from true)", List.of("u2"), "Bob"),
                c("@request.body.editors.name ?= 'Bob'",
                        "exists (select 1 as one from (select 1 as one) as _one left outer join users as e0_1 on e0_1.id = any (cast(? as text[])) where e0_1.name = ?)", List.of("u2", "u3"), "Bob"),
                c("@request.auth.name = 'Ann'",
                        "? = ?", "Ann", "Ann"),
                c("@request.auth.team.name = 'core'",
                        "not exists (select 1 as one from (select 1 as one) as _one left outer join users as e0_1 on e0_1.id = any (cast(? as text[])) left outer join teams as e0_2 on e0_2.id = e0_1.team where (e0_2.name = ?) is distinct from true)", List.of("u1"), "core"),
                c("@request.auth.email = 'x'",
                        "not exists (select 1 as one from (select 1 as one) as _one left outer join users as e0_1 on e0_1.id = any (cast(? as text[])) where (e0_1.email = ?) is distinct from true)", List.of("u1"), "x"),
                c("@request.auth.password = 'x'",
                        "false"),
                c("@request.auth.team.parent.name ?= 'root'",
                        "exists (select 1 as one from (select 1 as one) as _one left outer join users as e0_1 on e0_1.id = any (cast(? as text[])) left outer join teams as e0_2 on e0_2.id = e0_1.team left outer join teams as e0_3 on e0_3.id = e0_2.parent where e0_3.name = ?)", List.of("u1"), "root"),
                c("@collection.comments.post ?= id && @collection.comments.message ?= 'hi'",
                        "exists (select 1 as one from (select 1 as one) as _one left outer join comments as _c1_1 on true where (coalesce(_c1_1.post, '') = coalesce(posts.id, '') and _c1_1.message = ?))", "hi"),
                c("@collection.comments:c.post ?= id && @collection.comments:d.message ?= 'hi'",
                        "exists (select 1 as one from (select 1 as one) as _one left outer join comments as _c1_1 on true left outer join comments as _c2_1 on true where (coalesce(_c1_1.post, '') = coalesce(posts.id, '') and _c2_1.message = ?))", "hi"),
                c("@collection.comments.message = 'hi'",
                        "not exists (select 1 as one from (select 1 as one) as _one left outer join comments as e0_1 on true where (e0_1.message = ?) is distinct from true)", "hi"),
                c("@collection.comments.post.title ?= 'x'",
                        "exists (select 1 as one from (select 1 as one) as _one left outer join comments as _c1_1 on true where exists (select 1 as one from (select 1 as one) as _one left outer join posts as e0_1 on e0_1.id = _c1_1.post where e0_1.title = ?))", "x"),
                c("@collection.users.roles ?= 'admin'",
                        "exists (select 1 as one from (select 1 as one) as _one left outer join users as _c1_1 on true where exists (select 1 as one from unnest(case when coalesce(cardinality(_c1_1.roles), 0) = 0 then cast('{\"\"}' as text[]) else _c1_1.roles end) as e0 (v) where e0.v = ?))", "admin"),
                c("title:lower = 'x'",
                        "lower(posts.title) = ?", "x"),
                c("editors:each ?= 'u1'",
                        "exists (select 1 as one from unnest(case when coalesce(cardinality(posts.editors), 0) = 0 then cast('{\"\"}' as text[]) else posts.editors end) as e0 (v) where e0.v = ?)", "u1"),
                c("editors:length = 2",
                        "coalesce(cardinality(posts.editors), 0) = cast(? as double precision)", 2.0)
        );
    }

    private static Arguments c(String filter, String sql, Object... params) {
        return arguments(filter, sql, Arrays.asList(params));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiles(String filter, String expectedSql, List<Object> expectedParams) {
        Condition condition = compiler.condition(filter, POSTS, request(), true, CATALOG);
        assertThat(sql(condition)).isEqualTo(expectedSql);
        assertThat(params(condition)).isEqualTo(expectedParams);
    }

    @Test
    void anonymousAuthPathsReadAsNull() {
        RequestContext anonymous = QueryFixtures.anonymous();
        assertThat(sql(compiler.condition("@request.auth.team.name = 'core'", POSTS, anonymous, true, CATALOG)))
                .isEqualTo("false");
        assertThat(sql(compiler.condition("@request.auth.team.name = ''", POSTS, anonymous, true, CATALOG)))
                .isEqualTo("true");
    }

    @Test
    void clientFiltersCannotReadHiddenAuthFieldsOrUnlistableTables() {
        // hidden field of the auth record: null for a client filter, a real comparison for a rule
        assertThat(sql(compiler.condition("@request.auth.email = 'x'", POSTS, request(), false, CATALOG)))
                .isEqualTo("false");
        TableCatalog guarded = new TableCatalog() {
            @Override
            public TableSchema table(String name) {
                return CATALOG.table(name);
            }

            @Override
            public boolean listable(String name) {
                return !name.equals("teams");
            }
        };
        assertThatThrownBy(() -> compiler.condition("author.team.name = 'x'", POSTS, request(), false, guarded))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("unknown field \"team\" in \"author.team.name\"");
        assertThatThrownBy(() -> compiler.condition("@collection.teams.name ?= 'x'", POSTS, request(), false,
                guarded)).isInstanceOf(QueryException.class)
                .hasMessageContaining("unknown collection \"teams\"");
        // rules reach every table
        assertThat(sql(compiler.condition("@collection.teams.name ?= 'x'", POSTS, request(), true, guarded)))
                .startsWith("exists (");
    }

    @Test
    void validationAcceptsAnyRequestKeyButNamesUnknownCollectionsFieldsAndModifiers() {
        compiler.validate("@request.body.anything = 1 && @request.query.q:isset = true && @request.auth.a.b = 1"
                + " && @request.headers.x_y:lower = 'a' && @request.context = 'oauth2' && @request.method = 'GET'"
                + " && @request.body.title:changed = false && @collection.users:u.name ?= 'x'", POSTS, true, CATALOG);
        assertThatThrownBy(() -> compiler.validate("@collection.nope.name = 1", POSTS, true, CATALOG))
                .hasMessage("Invalid filter: unknown collection \"nope\" in \"@collection.nope.name\" at position 0.");
        assertThatThrownBy(() -> compiler.validate("@collection.users.nope ?= 1", POSTS, true, CATALOG))
                .hasMessage("Invalid filter: unknown field \"nope\" in \"nope\" at position 0.");
        assertThatThrownBy(() -> compiler.validate("title:upper = 'a'", POSTS, true, CATALOG))
                .hasMessage("Invalid filter: unknown modifier \":upper\" at position 6.");
    }
}
