package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.params;
import static dev.basalt.query.QueryFixtures.sql;
import static dev.basalt.query.RelationFixtures.CATALOG;
import static dev.basalt.query.RelationFixtures.POSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters and sorts through relations, filter text to planned SQL and bound values: to-one paths become LEFT JOINs
 * of the plan (shared per path prefix), multi-valued ones (multiple relations, back-relations) EXISTS subqueries
 * whose LEFT JOINs keep PocketBase's "no related row reads as NULLs" semantics.
 */
class RelationCompilationTest {
    private static final String FROM = "select * from posts ";
    private static final String ONE = "select 1 as one from (select 1 as one) as _one ";
    private static final String EDITORS = "left outer join lateral unnest(case when coalesce(cardinality(posts.editors), 0)"
            + " = 0 then cast('{\"\"}' as text[]) else posts.editors end) as e0_1_e (v) on true "
            + "left outer join users as e0_1 on e0_1.id = e0_1_e.v ";
    private static final String AUTHOR = "left outer join users as _j1 on _j1.id = posts.author ";

    private final QueryCompiler compiler = new QueryCompiler();

    static Stream<Arguments> cases() {
        return Stream.of(
                row("author.name = 'x'", FROM + AUTHOR + "where _j1.name = ?", "x"),
                row("author.team.name = 'x' && author.name != ''", FROM + AUTHOR
                        + "left outer join teams as _j2 on _j2.id = _j1.team "
                        + "where (_j2.name = ? and _j1.name <> '' and _j1.name is not null)", "x"),
                row("author.team.parent.name ~ 'x'", FROM + AUTHOR
                        + "left outer join teams as _j2 on _j2.id = _j1.team "
                        + "left outer join teams as _j3 on _j3.id = _j2.parent "
                        + "where _j3.name ilike ? escape '\\'", "%x%"),
                row("editors.name ?= 'x'", FROM + "where exists (" + ONE + EDITORS + "where e0_1.name = ?)", "x"),
                row("editors.name = 'x'", FROM + "where not exists (" + ONE + EDITORS
                        + "where (e0_1.name = ?) is distinct from true)", "x"),
                row("editors.name:lower ?= 'x'", FROM + "where exists (" + ONE + EDITORS
                        + "where lower(e0_1.name) = ?)", "x"),
                row("comments_via_post.message ?~ 'x'", FROM + "where exists (" + ONE
                        + "left outer join comments as e0_1 on e0_1.post = posts.id "
                        + "where e0_1.message ilike ? escape '\\')", "%x%"),
                row("labels_via_posts.name ?= 'x'", FROM + "where exists (" + ONE
                        + "left outer join labels as e0_1 on posts.id = any (e0_1.posts) where e0_1.name = ?)", "x"),
                row("author.roles ?= 'admin'", FROM + AUTHOR + "where exists (select 1 as one from unnest(case when "
                        + "coalesce(cardinality(_j1.roles), 0) = 0 then cast('{\"\"}' as text[]) else _j1.roles end) "
                        + "as e0 (v) where e0.v = ?)", "admin"),
                row("editors.roles ?= 'admin'", FROM + "where exists (" + ONE + EDITORS
                        + "left outer join lateral unnest(case when coalesce(cardinality(e0_1.roles), 0) = 0 then "
                        + "cast('{\"\"}' as text[]) else e0_1.roles end) as e0 (v) on true where e0.v = ?)", "admin"),
                row("editors.team.name ?= author.name", FROM + AUTHOR + "where exists (" + ONE + EDITORS
                        + "left outer join teams as e0_2 on e0_2.id = e0_1.team "
                        + "where coalesce(e0_2.name, '') = coalesce(_j1.name, ''))"),
                // rules may read hidden fields on the way
                row("reviewer.email = 'a@b.c'", FROM + "left outer join users as _j1 on _j1.id = posts.reviewer "
                        + "where _j1.email = ?", "a@b.c"));
    }

    private static Arguments row(String filter, String sql, Object... params) {
        return arguments(filter, sql, Arrays.asList(params));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiles(String filter, String expectedSql, List<Object> expectedParams) {
        QueryPlan plan = plan(FilterInput.rule(filter, "listRule"), null);
        var query = new PlanRenderer().select(QueryFixtures.DSL_CONTEXT, plan);
        assertThat(sql(query)).isEqualTo(expectedSql);
        assertThat(params(query)).isEqualTo(expectedParams);
    }

    @Test
    void sortsThroughToOneRelationsSharingTheFilterJoins() {
        QueryPlan plan = plan(FilterInput.filter("author.name != ''"), "-author.name,author.team.name");
        assertThat(sql(new PlanRenderer().select(QueryFixtures.DSL_CONTEXT, plan))).isEqualTo(FROM + AUTHOR
                + "left outer join teams as _j2 on _j2.id = _j1.team where (_j1.name <> '' and _j1.name is not null) "
                + "order by _j1.name desc nulls last, _j2.name asc nulls first");
        assertThat(sql(new PlanRenderer().count(QueryFixtures.DSL_CONTEXT, plan))).isEqualTo(
                "select count(*) from posts " + AUTHOR + "left outer join teams as _j2 on _j2.id = _j1.team "
                        + "where (_j1.name <> '' and _j1.name is not null)");
        assertThatThrownBy(() -> plan(FilterInput.filter(""), "editors.name"))
                .isInstanceOf(QueryException.class).hasMessageContaining("multi-valued");
    }

    @Test
    void aStandaloneConditionWrapsItsJoinsInACorrelatedExists() {
        Condition c = compiler.condition("author.name = 'x'", POSTS, QueryFixtures.user(), true, CATALOG);
        assertThat(sql(c)).isEqualTo("exists (select 1 as one from (select 1 as one) as _one "
                + "left outer join users as _j1 on _j1.id = posts.author where _j1.name = ?)");
    }

    @Test
    void clientFiltersCannotReachHiddenFieldsOfRelatedTables() {
        assertThatThrownBy(() -> plan(FilterInput.filter("author.email = 'x'"), null))
                .isInstanceOf(QueryException.class).hasMessageContaining("unknown field \"email\"");
        assertThatThrownBy(() -> plan(FilterInput.filter("reviewer.name = 'x'"), null))
                .isInstanceOf(QueryException.class).hasMessageContaining("unknown field \"reviewer\"");
    }

    @Test
    void unknownPathsAndTooDeepPathsAreErrors() {
        assertThatThrownBy(() -> plan(FilterInput.filter("title.name = 'x'"), null))
                .isInstanceOf(QueryException.class).hasMessageContaining("unknown field \"title\"");
        assertThatThrownBy(() -> plan(FilterInput.filter("nope_via_post.message = 'x'"), null))
                .isInstanceOf(QueryException.class).hasMessageContaining("unknown field \"nope_via_post\"");
        assertThatThrownBy(() -> plan(FilterInput.filter("comments_via_title.message = 'x'"), null))
                .isInstanceOf(QueryException.class);
        String deep = "author.team" + ".parent".repeat(QueryLimits.MAX_RELATION_DEPTH) + ".name = 'x'";
        assertThatThrownBy(() -> plan(FilterInput.filter(deep), null))
                .isInstanceOf(QueryException.class).hasMessageContaining("nested relations");
        String maxDeep = "author.team" + ".parent".repeat(QueryLimits.MAX_RELATION_DEPTH - 2) + ".name = 'x'";
        assertThat(plan(FilterInput.filter(maxDeep), null).joins()).hasSize(QueryLimits.MAX_RELATION_DEPTH);
        assertThatThrownBy(() -> compiler.plan(new QuerySpec(POSTS, List.of(),
                List.of(FilterInput.filter("author.name = 'x'")), null, false, null, QueryFixtures.user())))
                .as("without a catalog nothing is related").isInstanceOf(QueryException.class);
    }

    private QueryPlan plan(FilterInput filter, String sort) {
        return compiler.plan(new QuerySpec(POSTS, List.of(), List.of(filter), sort, false, null,
                QueryFixtures.user(), CATALOG));
    }
}
