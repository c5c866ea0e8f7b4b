package dev.basalt.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SQL rendered once per plan shape ({@link PlanTemplate}, {@link PreparedSql}) selects and counts the same rows as the
 * query jOOQ builds from the plan with its values, on real PostgreSQL; shapes are equal exactly when only values
 * differ.
 */
@org.junit.jupiter.api.Tag("db")
class PlanTemplatePostgresTest {
    private static DSLContext db;
    private final QueryCompiler compiler = new QueryCompiler();
    private final PlanRenderer renderer = new PlanRenderer();

    @BeforeAll
    static void createTable() {
        db = DSL.using(TestDatabase.newDataSource(), SQLDialect.POSTGRES);
        QueryPostgresTest.createPosts(db); // the rows of the compiler's database test
    }

    private static RequestContext user(String id) {
        return new RequestContext(Map.of("id", id, "collectionId", "c1", "collectionName", "users",
                "roles", new String[] {"a", "x"}), Map.of("name", "hello"), QueryFixtures.CLOCK);
    }

    private QueryPlan plan(String filter, RequestContext request, PageRequest page) {
        return compiler.plan(new QuerySpec(QueryFixtures.POSTS, List.of("id", "title", "views", "published", "meta",
                "tags"), List.of(FilterInput.rule(filter, "rule")), "-views,id", false, page, request));
    }

    private List<String> prepared(QueryPlan plan) {
        PlanTemplate template = PlanTemplate.of(plan);
        PreparedSql sql = renderer.prepareSelect(db, template);
        assertThat(sql).as("rendered once: %s", plan).isNotNull();
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                sql.bind(db, statement, template);
                try (ResultSet rs = statement.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    for (Record r : db.fetch(rs, sql.columns())) {
                        ids.add(r.get(0, String.class));
                    }
                    return ids;
                }
            }
        });
    }

    private long preparedCount(QueryPlan plan) {
        PlanTemplate template = PlanTemplate.ofCount(plan);
        PreparedSql sql = renderer.prepareCount(db, template);
        assertThat(sql).isNotNull();
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                sql.bind(db, statement, template);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.basalt.query.QueryPostgresTest#filters")
    void selectsAndCountsTheRowsJooqDoes(String filter, String ignored) {
        for (PageRequest page : new PageRequest[] {null, new PageRequest(1, 2), new PageRequest(2, 2)}) {
            QueryPlan plan = plan(filter, user("p3"), page);
            List<String> expected = renderer.select(db, plan).fetch(r -> r.get("id", String.class));
            assertThat(prepared(plan)).containsExactlyElementsOf(expected);
            assertThat(preparedCount(plan)).isEqualTo(renderer.count(db, plan).fetchOne().value1().longValue());
        }
    }

    @Test
    void callersOfOneShapeShareTheSqlAndGetTheirOwnRows() {
        String rule = "id = @request.auth.id";
        PlanTemplate p3 = PlanTemplate.of(plan(rule, user("p3"), new PageRequest(1, 20)));
        PlanTemplate p4 = PlanTemplate.of(plan(rule, user("p4"), new PageRequest(1, 20)));
        assertThat(p3.shape()).isEqualTo(p4.shape());
        assertThat(p3.shape().hashCode()).isEqualTo(p4.shape().hashCode());
        assertThat(p3.values()).isNotEqualTo(p4.values());
        assertThat(prepared(plan(rule, user("p3"), new PageRequest(1, 20)))).containsExactly("p3");
        assertThat(prepared(plan(rule, user("p4"), new PageRequest(1, 20)))).containsExactly("p4");
        // an anonymous caller folds the rule to a constant: another shape, never the signed-in one's SQL
        PlanTemplate guest = PlanTemplate.of(plan(rule, QueryFixtures.anonymous(), new PageRequest(1, 20)));
        assertThat(guest.shape()).isNotEqualTo(p3.shape());
    }

    @Test
    void shapesDifferInNamesOperatorsAndPages() {
        QueryPlan base = plan("views > 1", user("p3"), new PageRequest(1, 2));
        assertThat(PlanTemplate.of(plan("views > 3", user("p3"), new PageRequest(1, 2))).shape())
                .isEqualTo(PlanTemplate.of(base).shape());
        assertThat(PlanTemplate.of(plan("views >= 1", user("p3"), new PageRequest(1, 2))).shape())
                .isNotEqualTo(PlanTemplate.of(base).shape());
        assertThat(PlanTemplate.of(plan("title > 1", user("p3"), new PageRequest(1, 2))).shape())
                .isNotEqualTo(PlanTemplate.of(base).shape());
        assertThat(PlanTemplate.of(plan("views > 1", user("p3"), new PageRequest(2, 2))).shape())
                .isNotEqualTo(PlanTemplate.of(base).shape());
    }

    @Test
    void aByIdPlanReadsOneRowWhileTheRuleHolds() {
        String rule = "id = @request.auth.id || views > 6";
        assertThat(prepared(compiler.rowPlan(rule, keyed(), user("p3"), true, TableCatalog.EMPTY, "p3")))
                .containsExactly("p3");
        assertThat(prepared(compiler.rowPlan(rule, keyed(), user("p4"), true, TableCatalog.EMPTY, "p1")))
                .containsExactly("p1");
        assertThat(prepared(compiler.rowPlan(rule, keyed(), user("p4"), true, TableCatalog.EMPTY, "p3")))
                .isEmpty();
        assertThat(prepared(compiler.rowPlan("", keyed(), QueryFixtures.anonymous(), true, TableCatalog.EMPTY,
                "p2"))).containsExactly("p2");
    }

    private static TableSchema keyed() {
        return QueryFixtures.POSTS.ordered("id", List.of());
    }
}
