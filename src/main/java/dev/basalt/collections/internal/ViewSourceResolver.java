package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.ViewSources;
import dev.basalt.collections.fields.Field;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGResultSetMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link ViewSources} from PostgreSQL's own description of the stored view query (the same column origins that
 * gave the view its fields when it was saved): the query is only described, never run. Answers are cached per
 * registry version, so a schema change is seen at once and a steady schema costs one description per view.
 */
@Component
class ViewSourceResolver implements ViewSources {
    private static final Logger LOG = LoggerFactory.getLogger(ViewSourceResolver.class);
    /** Cached views before the cache is emptied (a bound for schemas with very many views). */
    static final int MAX_CACHED_VIEWS = 1_000;

    /** The table (or view) and column a result column reads straight from. */
    private record Origin(String table, String column) {
    }

    /** The origins of one view query's result columns, by column label, as of a registry version. */
    private record Columns(long version, Map<String, Origin> origins) {
    }

    private final DSLContext dsl;
    private final CollectionRegistry registry;
    private final Map<String, Columns> cache = new ConcurrentHashMap<>();

    ViewSourceResolver(DSLContext dsl, CollectionRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    @Override
    public Optional<Source> origin(Collection view, String fieldName) {
        Collection current = view;
        String name = fieldName;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (!current.isView()) {
                return Optional.empty();
            }
            Origin origin = columns(current).get(name);
            if (origin == null) {
                return Optional.empty();
            }
            Optional<Collection> source = registry.all().stream().filter(c -> c.name().equals(origin.table()))
                    .findFirst();
            Optional<Field> field = source.flatMap(c -> c.field(origin.column()));
            if (field.isEmpty()) {
                return Optional.empty();
            }
            if (!source.get().isView()) {
                return Optional.of(new Source(source.get(), field.get()));
            }
            current = source.get();
            name = field.get().name();
        }
        return Optional.empty();
    }

    private Map<String, Origin> columns(Collection view) {
        long version = registry.version();
        Columns cached = cache.get(view.id());
        if (cached != null && cached.version() == version) {
            return cached.origins();
        }
        Map<String, Origin> origins = describe(view);
        if (cache.size() >= MAX_CACHED_VIEWS) {
            cache.clear();
        }
        cache.put(view.id(), new Columns(version, origins));
        return origins;
    }

    /** The origins of the query's columns, read from a describe-only round trip (the query is never executed). */
    private Map<String, Origin> describe(Collection view) {
        String sql = dsl.renderInlined(dsl.select(DSL.asterisk())
                .from(DSL.table("({0})", DSL.sql(view.viewQuery())).as(DSL.name("_src"))).limit(DSL.inline(0)));
        try {
            return dsl.connectionResult(connection -> {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    ResultSetMetaData md = ps.getMetaData();
                    PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
                    Map<String, Origin> origins = new HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String table = pg.getBaseTableName(i);
                        String column = pg.getBaseColumnName(i);
                        if (table != null && !table.isEmpty() && column != null && !column.isEmpty()) {
                            origins.put(md.getColumnLabel(i), new Origin(table, column));
                        }
                    }
                    return origins;
                }
            });
        } catch (RuntimeException e) {
            // e.g. a source column renamed after the view was saved: the stored text no longer describes
            LOG.debug("Cannot describe the query of view {}: {}", view.name(), e.toString());
            return Map.of();
        }
    }
}
