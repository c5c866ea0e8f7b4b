package dev.basalt.logs;

import dev.basalt.logs.internal.LogTable;
import dev.basalt.query.FilterInput;
import dev.basalt.query.PageRequest;
import dev.basalt.query.PlanRenderer;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.QuerySpec;
import dev.basalt.query.RequestContext;
import dev.basalt.query.TableCatalog;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's logs API, superusers only: a page of entries ({@code filter} and {@code sort} in the filter language
 * over {@code id, created, level, message, data.*}), one entry, and entries per hour.
 */
@RestController
class LogsController {
    private final QueryCompiler compiler;
    private final PlanRenderer renderer;
    private final DSLContext dsl;
    private final LogTable table;

    LogsController(QueryCompiler compiler, PlanRenderer renderer, DSLContext dsl, LogTable table) {
        this.compiler = compiler;
        this.renderer = renderer;
        this.dsl = dsl;
        this.table = table;
    }

    @GetMapping("/api/logs")
    Map<String, Object> list(HttpServletRequest request,
                             @RequestParam(defaultValue = "1") int page,
                             @RequestParam(defaultValue = "0") int perPage,
                             @RequestParam(defaultValue = "false") boolean skipTotal,
                             @RequestParam(required = false) String filter,
                             @RequestParam(required = false) String sort) {
        Caller.of(request).requireSuperuser();
        PageRequest paging = new PageRequest(page, perPage);
        QuerySpec spec = new QuerySpec(LogTable.SCHEMA, List.of(), List.of(filterOf(filter)), sort, true, paging,
                RequestContext.anonymous());
        QueryPlan plan = compiler.plan(spec);
        List<Map<String, Object>> items = new ArrayList<>();
        renderer.select(dsl, plan).fetch().forEach(row -> items.add(LogTable.toJson(row)));
        long total = skipTotal ? -1 : renderer.count(dsl, plan).fetchOne().value1();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", paging.page());
        json.put("perPage", paging.perPage());
        json.put("totalItems", total);
        json.put("totalPages", skipTotal ? -1 : (total + paging.perPage() - 1) / paging.perPage());
        json.put("items", items);
        return json;
    }

    @GetMapping("/api/logs/stats")
    List<Map<String, Object>> stats(HttpServletRequest request, @RequestParam(required = false) String filter) {
        Caller.of(request).requireSuperuser();
        return table.stats(compiler.condition(filter == null ? "" : filter, LogTable.SCHEMA,
                RequestContext.anonymous(), true, TableCatalog.EMPTY));
    }

    @GetMapping("/api/logs/{id}")
    Map<String, Object> view(HttpServletRequest request, @PathVariable String id) {
        Caller.of(request).requireSuperuser();
        return table.find(id).orElseThrow(ApiException::notFound);
    }

    private static FilterInput filterOf(String filter) {
        return new FilterInput(filter == null ? "" : filter, true, FilterInput.FILTER_PARAM);
    }
}
