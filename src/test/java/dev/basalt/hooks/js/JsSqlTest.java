package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * How hook code's SQL and {@code $dbx} expressions are rendered for PostgreSQL: placeholders become bind variables
 * (the value is never in the statement), names are quoted, LIKE values are escaped.
 */
class JsSqlTest {
    private static final DSLContext PG = DSL.using(SQLDialect.POSTGRES);

    private static Query select(org.jooq.Condition where) {
        return PG.selectOne().where(where);
    }

    @Test
    void placeholdersAreBindVariablesAndMarkersQuotedNames() {
        Query q = PG.query(JsSql.of("SELECT [[p.title]] FROM {{posts}} p WHERE title = {:t} AND views > {:v}",
                Map.of("t", "x' OR '1'='1", "v", 3)));
        assertThat(q.getSQL()).isEqualTo("SELECT \"p\".\"title\" FROM \"posts\" p WHERE title = ? AND views > ?")
                .doesNotContain("OR '1'");
        assertThat(q.getBindValues()).containsExactly("x' OR '1'='1", 3L);
    }

    @Test
    void aPlaceholderWithoutValueIsAnError() {
        assertThatThrownBy(() -> JsSql.of("SELECT {:missing}", Map.of())).isInstanceOf(JsDbException.class)
                .hasMessageContaining("{:missing}");
    }

    @Test
    void dbxExpressionsBindTheirValues() {
        Map<String, Object> hash = Map.of("__dbx", "hash", "data",
                Map.of("status", "a'b", "deleted", java.util.Collections.singletonMap("x", 1), "tags", List.of("x", "y")));
        Query q = select(JsDbx.of(hash));
        assertThat(q.getSQL()).doesNotContain("a'b").contains("\"status\" = ?").contains("\"tags\" in (?, ?)");
        Query like = select(JsDbx.of(Map.of("__dbx", "like", "col", "title", "values", List.of("50%_\\"))));
        assertThat(like.getBindValues()).contains("%50\\%\\_\\\\%");
        assertThat(JsDbx.of(Map.of("__dbx", "in", "col", "id", "values", List.of()))).isEqualTo(DSL.falseCondition());
        assertThat(JsDbx.of(Map.of("__dbx", "and", "values", List.of()))).isNull();
        assertThatThrownBy(() -> JsDbx.of(Map.of("sql", "1=1"))).isInstanceOf(JsDbException.class);
    }
}
