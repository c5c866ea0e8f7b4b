package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.fields.Field;
import dev.basalt.access.RecordSchemas;
import dev.basalt.query.FilterInput;
import dev.basalt.query.PageRequest;
import dev.basalt.query.PlanRenderer;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QuerySpec;
import dev.basalt.query.RequestContext;
import dev.basalt.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The list statement, as the records API renders it, read by an index on a table of {@value #ROWS} analyzed rows:
 * the default order and sorts on {@code created} or {@code id} (each ended by the id tiebreaker) must not sort a
 * sequential scan. The collection has only the indexes Basalt creates itself.
 */
class ListOrderPlanTest extends ApiTest {
    private static final int ROWS = 5_000;

    @Autowired
    DSLContext dsl;
    @Autowired
    CollectionRegistry registry;
    @Autowired
    RecordSchemas schemas;
    @Autowired
    QueryCompiler compiler;
    @Autowired
    PlanRenderer renderer;

    private Collection collection;

    @BeforeEach
    void createRows() {
        String name = "plans_" + Long.toString(System.nanoTime(), 36);
        Response r = post("/api/collections", Map.of("name", name, "type", "base", "listRule", "",
                "fields", List.of(Map.of("name", "title", "type", "text"))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // ids as the API makes them (15 characters); created one second apart with some shared values
        dsl.execute("INSERT INTO " + DSL.name(name) + " (id, title, created, updated) "
                + "SELECT substr(md5(i::text), 1, 15), 'title ' || i, "
                + "timestamptz '2024-01-01' + (i / 3) * interval '1 second', now() FROM generate_series(1, " + ROWS + ") i");
        dsl.execute("ANALYZE " + DSL.name(name));
        collection = registry.find(name).orElseThrow();
    }

    @ParameterizedTest(name = "sort={0} page={1}")
    @CsvSource(nullValues = "NULL", value = {
        "NULL, 1", "NULL, 3", "-created, 1", "-created, 3", "created, 1", "-id, 1", "id, 2", "'-created,-id', 2"})
    void listOrderIsReadFromAnIndex(String sort, int page) {
        List<String> select = collection.fields().stream().map(Field::name).toList();
        QuerySpec spec = new QuerySpec(schemas.schema(collection), select, List.of(FilterInput.filter("")), sort,
                false, new PageRequest(page, 30), RequestContext.anonymous(), schemas.catalog());
        String plan = dsl.explain(renderer.select(dsl, compiler.plan(spec))).plan();
        assertThat(plan).as(plan).contains("Index Scan").doesNotContain("Seq Scan").doesNotContain("Sort");
    }
}
