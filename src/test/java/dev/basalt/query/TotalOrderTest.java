package dev.basalt.query;

import static dev.basalt.query.QueryFixtures.POSTS;
import static dev.basalt.query.QueryFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list order ends with the table's key, so that pages neither repeat nor skip rows. */
class TotalOrderTest {
    private static final TableSchema KEYED = POSTS.ordered("id", List.of("published"));
    private final QueryCompiler compiler = new QueryCompiler();
    private final PlanRenderer renderer = new PlanRenderer();

    private String orderBy(TableSchema schema, String sort) {
        QueryPlan plan = compiler.plan(new QuerySpec(schema, List.of("id"), List.of(), sort, false,
                new PageRequest(1, 5), QueryFixtures.user()));
        String rendered = sql(renderer.select(QueryFixtures.DSL_CONTEXT, plan));
        int at = rendered.indexOf(" order by ");
        int end = rendered.indexOf(" offset ");
        return at < 0 ? "" : rendered.substring(at + " order by ".length(), end);
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | posts.published asc nulls first, posts.id asc",
        "'' | posts.published asc nulls first, posts.id asc",
        "-published | posts.published desc nulls last, posts.id desc",
        "published | posts.published asc nulls first, posts.id asc",
        "'title,-views' | posts.title asc nulls first, posts.views desc nulls last, posts.id desc",
        "'-views,title' | posts.views desc nulls last, posts.title asc nulls first, posts.id asc",
        "-id | posts.id desc",
        "'id,title' | posts.id asc, posts.title asc nulls first",
        "'title,id' | posts.title asc nulls first, posts.id asc",
        "@random | random() asc, posts.id asc",
    })
    void endsEveryOrderWithTheKeyInTheLastDirection(String sort, String expected) {
        assertThat(orderBy(KEYED, sort)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | posts.id asc",
        "-views | posts.views desc nulls last, posts.id desc",
    })
    void withoutDefaultOrderSortsByTheKey(String sort, String expected) {
        assertThat(orderBy(POSTS.ordered("id", List.of()), sort)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "sort={0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL | ''",
        "-views | posts.views desc nulls last",
    })
    void tablesWithoutKeyKeepTheRequestedOrder(String sort, String expected) {
        assertThat(orderBy(POSTS, sort)).isEqualTo(expected);
    }
}
