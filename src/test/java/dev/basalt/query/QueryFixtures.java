package dev.basalt.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The table, request and renderer the compiler tests share. */
final class QueryFixtures {
    /** A Wednesday. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-15T10:20:30.456Z"), ZoneOffset.UTC);

    static final TableSchema POSTS = TableSchema.of("posts", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT),
            ColumnInfo.of("title", ColumnKind.TEXT),
            ColumnInfo.of("views", ColumnKind.NUMBER),
            ColumnInfo.of("active", ColumnKind.BOOL),
            ColumnInfo.of("published", ColumnKind.DATE),
            ColumnInfo.of("meta", ColumnKind.JSON),
            ColumnInfo.of("tags", ColumnKind.TEXT_ARRAY),
            new ColumnInfo("secret", ColumnKind.TEXT, true)));

    /** Unquoted names keep expected SQL readable; the database tests render with quotes. */
    static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));

    private QueryFixtures() {
    }

    /** A signed-in user with an email, roles and placeholders name, n, nil and list. */
    static RequestContext user() {
        Map<String, Object> placeholders = new HashMap<>();
        placeholders.put("name", "Bob");
        placeholders.put("n", 5);
        placeholders.put("nil", null);
        placeholders.put("list", List.of("a", "b"));
        Map<String, Object> auth = new HashMap<>();
        auth.put("id", "u1");
        auth.put("collectionId", "c1");
        auth.put("collectionName", "users");
        auth.put("email", "A@x.io");
        auth.put("roles", new String[] {"admin"});
        auth.put("verified", true);
        auth.put("avatar", null);
        return new RequestContext(auth, placeholders, CLOCK);
    }

    static RequestContext anonymous() {
        return new RequestContext(Map.of(), Map.of(), CLOCK);
    }

    static String sql(QueryPart part) {
        return DSL_CONTEXT.render(part);
    }

    /** The bound values, arrays as lists so they compare by content. */
    static List<Object> params(QueryPart part) {
        return DSL_CONTEXT.extractBindValues(part).stream()
                .map(v -> v instanceof Object[] array ? (Object) Arrays.asList(array) : v)
                .toList();
    }
}
