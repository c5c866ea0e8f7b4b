package dev.basalt.bench;

import dev.basalt.records.RecordData;
import dev.basalt.records.RecordJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * How stored {@code posts} rows become the records API's response body: {@link RecordJson#render} turns a row
 * (id, title, ~200-character body, views, published, author, created, updated) into PocketBase's record map
 * (dates formatted, collectionId/collectionName first), then Jackson writes the map as the HTTP message converter
 * does (a plain {@link JsonMapper}; the records API returns {@code Map}s, so no bean introspection is involved).
 * <ul>
 *   <li>{@link #renderOne}: one row to its record map;</li>
 *   <li>{@link #serialiseOne}: one row to record map to JSON bytes (the view endpoint's work after the query);</li>
 *   <li>{@link #serialisePage}: 20 rows to the list JSON bytes (page, perPage, totalItems, totalPages, items),
 *       as the list endpoint does after its queries, without expand;</li>
 *   <li>{@link #writePage}: Jackson alone, writing the already rendered page map of 20 records.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RecordJsonBenchmark {
    private static final int PER_PAGE = 20;

    private final JsonMapper json = JsonMapper.builder().build();
    private Map<String, Object> row;
    private List<Map<String, Object>> rows;
    private Map<String, Object> renderedPage;

    /** Builds the stored rows and, for {@link #writePage}, the rendered page. */
    @Setup
    public void setUp() {
        row = Fixtures.postRow(1);
        rows = Fixtures.postRows(PER_PAGE);
        renderedPage = page(rows);
    }

    /** One stored row to its record map. */
    @Benchmark
    public Map<String, Object> renderOne() {
        return RecordJson.render(RecordData.of(Fixtures.POSTS, row), false, false);
    }

    /** One stored row to the record's JSON bytes. */
    @Benchmark
    public byte[] serialiseOne() {
        return json.writeValueAsBytes(RecordJson.render(RecordData.of(Fixtures.POSTS, row), false, false));
    }

    /** A page of 20 stored rows to the list response's JSON bytes. */
    @Benchmark
    public byte[] serialisePage() {
        return json.writeValueAsBytes(page(rows));
    }

    /** The rendered page of 20 records to JSON bytes: Jackson's share of {@link #serialisePage}. */
    @Benchmark
    public byte[] writePage() {
        return json.writeValueAsBytes(renderedPage);
    }

    /** What the list endpoint builds from its rows (RecordService.list, no expand, all fields, total known). */
    private static Map<String, Object> page(List<Map<String, Object>> stored) {
        List<Map<String, Object>> items = new ArrayList<>(stored.size());
        for (Map<String, Object> r : stored) {
            items.add(RecordJson.render(RecordData.of(Fixtures.POSTS, r), false, false));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("page", 1);
        page.put("perPage", PER_PAGE);
        page.put("totalItems", 1234L);
        page.put("totalPages", 62L);
        page.put("items", items);
        return page;
    }
}
