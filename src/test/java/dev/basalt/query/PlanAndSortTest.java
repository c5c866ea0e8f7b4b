package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.POSTS;
import static dev.basalt.query.QueryFixtures.params;
import static dev.basalt.query.QueryFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.shared.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sort parsing, plan passes and the rendered list and count queries. */
class PlanAndSortTest {
    private final QueryCompiler compiler = new QueryCompiler();
    private final PlanRenderer renderer = new PlanRenderer();

    private QueryPlan plan(String sort, boolean sortAllowHidden) {
        return compiler.plan(new QuerySpec(POSTS, List.of("id"), List.of(), sort, sortAllowHidden, null,
                QueryFixtures.user()));
    }

    private String orderBy(String sort) {
        String rendered = sql(renderer.select(QueryFixtures.DSL_CONTEXT, plan(sort, false)));
        int at = rendered.indexOf(" order by ");
        return at < 0 ? "" : rendered.substring(at + " order by ".length());
    }

    @Test
    void sortsByFieldsWithDirections() {
        assertThat(orderBy("-published,+title,views"))
                .isEqualTo("posts.published desc nulls last, posts.title asc nulls first, posts.views asc nulls first");
        assertThat(orderBy("@random")).isEqualTo("random() asc");
        assertThat(orderBy(" , -title , ")).isEqualTo("posts.title desc nulls last");
        assertThat(orderBy("")).isEmpty();
        assertThat(orderBy(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "title,nope | unknown sort field \"nope\" at position 6",
        "-secret | unknown sort field \"secret\" at position 1",
        "author.name | unknown field \"author\" in \"author.name\" at position 0",
        "title! | invalid sort field \"title!\" at position 0",
        "@rowid | unknown sort field \"@rowid\" at position 0",
        "id,id,id,id,id,id,id,id,title | too many sort fields (at most 8) at position 24",
    })
    void rejectsBadSorts(String sort, String detail) {
        assertThatThrownBy(() -> plan(sort, false)).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Invalid sort: " + detail + ".");
            assertThat(e.data()).containsEntry("sort", new FieldError(QueryException.INVALID_SORT, e.getMessage()));
        });
    }

    @Test
    void sortsByHiddenColumnsOnlyWhenAllowed() {
        String rendered = sql(renderer.select(QueryFixtures.DSL_CONTEXT, plan("secret", true)));
        assertThat(rendered).endsWith("order by posts.secret asc nulls first");
    }

    @Test
    void rejectsOverlongSortFields() {
        assertThatThrownBy(() -> plan("a".repeat(QueryLimits.MAX_SORT_FIELD_LENGTH + 1), false))
                .hasMessage("Invalid sort: sort field longer than 255 characters at position 0.");
    }

    @Test
    void plansFiltersSortAndPage() {
        QuerySpec spec = new QuerySpec(POSTS, List.of("id", "title", "published"),
                List.of(FilterInput.rule("@request.auth.id != '' && active = true", "listRule"),
                        FilterInput.filter("  "),
                        FilterInput.filter("title ~ 'x' || views > 2")),
                "-published,id", false, new PageRequest(3, 20), QueryFixtures.user());
        QueryPlan plan = compiler.plan(spec);
        assertThat(plan.joins()).isEmpty();

        var select = renderer.select(QueryFixtures.DSL_CONTEXT, plan);
        assertThat(sql(select)).isEqualTo("select posts.id, posts.title, posts.published from posts "
                + "where (posts.active = ? and (posts.title ilike ? escape '\\' "
                + "or posts.views > cast(? as double precision))) "
                + "order by posts.published desc nulls last, posts.id asc nulls first "
                + "offset ? rows fetch next ? rows only");
        assertThat(params(select)).containsExactly(true, "%x%", 2.0, 40L, 20L);

        var count = renderer.count(QueryFixtures.DSL_CONTEXT, plan);
        assertThat(sql(count)).isEqualTo("select count(*) from posts where (posts.active = ? and "
                + "(posts.title ilike ? escape '\\' or posts.views > cast(? as double precision)))");
        assertThat(params(count)).containsExactly(true, "%x%", 2.0);
    }

    @Test
    void plansEverythingWhenNothingIsAsked() {
        QueryPlan plan = compiler.plan(new QuerySpec(POSTS, null, null, null, false, null, null));
        assertThat(sql(renderer.select(QueryFixtures.DSL_CONTEXT, plan))).isEqualTo("select * from posts");
        assertThat(sql(renderer.count(QueryFixtures.DSL_CONTEXT, plan))).isEqualTo("select count(*) from posts");
    }

    @Test
    void normalizesPagesAsPocketBase() {
        assertThat(new PageRequest(0, 0)).isEqualTo(new PageRequest(1, QueryLimits.DEFAULT_PER_PAGE));
        assertThat(new PageRequest(-3, 5000)).isEqualTo(new PageRequest(1, QueryLimits.MAX_PER_PAGE));
        assertThat(new PageRequest(4, 25).offset()).isEqualTo(75);
    }

    @Test
    void blankConditionIsTrue() {
        assertThat(sql(compiler.condition("  ", POSTS, QueryFixtures.anonymous(), false, TableCatalog.EMPTY))).isEqualTo("true");
        assertThat(sql(compiler.condition("// nothing", POSTS, QueryFixtures.anonymous(), false, TableCatalog.EMPTY))).isEqualTo("true");
    }

    @Test
    void anonymousAuthValuesAreEmpty() {
        var c = compiler.condition("@request.auth.id = '' && @request.auth.email = null && id = @request.auth.id",
                POSTS, QueryFixtures.anonymous(), false, TableCatalog.EMPTY);
        assertThat(sql(c)).isEqualTo("(posts.id = '' or posts.id is null)");
    }
}
