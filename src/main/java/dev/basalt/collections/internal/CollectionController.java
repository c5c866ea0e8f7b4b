package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionRequestInterceptor;
import dev.basalt.collections.CollectionRequestInterceptor.Kind;
import dev.basalt.collections.CollectionService;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.FieldError;
import dev.basalt.query.ColumnInfo;
import dev.basalt.query.ColumnKind;
import dev.basalt.query.FilterInput;
import dev.basalt.query.PageRequest;
import dev.basalt.query.PlanRenderer;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.QuerySpec;
import dev.basalt.query.RequestContext;
import dev.basalt.query.TableSchema;
import jakarta.servlet.http.HttpServletRequest;
import org.jooq.DSLContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's Collections API ({@code /api/collections}); every endpoint requires a superuser. Truncate is the
 * records module's ({@code records.TruncateController}): it deletes through the records' delete path.
 */
@RestController
@RequestMapping("/api/collections")
public class CollectionController {

    /** The columns of {@code _collections} that filters and sorts of the list may use. */
    private static final TableSchema LISTING = TableSchema.of("_collections", List.of(
            ColumnInfo.of("id", ColumnKind.TEXT), ColumnInfo.of("name", ColumnKind.TEXT),
            ColumnInfo.of("type", ColumnKind.TEXT), ColumnInfo.of("system", ColumnKind.BOOL),
            ColumnInfo.of("created", ColumnKind.DATE), ColumnInfo.of("updated", ColumnKind.DATE)))
            .ordered("id", List.of());

    private final CollectionService service;
    private final CollectionRegistry registry;
    private final QueryCompiler compiler;
    private final PlanRenderer renderer;
    private final DSLContext dsl;
    private final ObjectProvider<CollectionRequestInterceptor> interceptor;

    public CollectionController(CollectionService service, CollectionRegistry registry, QueryCompiler compiler,
                                PlanRenderer renderer, DSLContext dsl,
                                ObjectProvider<CollectionRequestInterceptor> interceptor) {
        this.service = service;
        this.interceptor = interceptor;
        this.registry = registry;
        this.compiler = compiler;
        this.renderer = renderer;
        this.dsl = dsl;
    }

    /** Lists collections, filtered and sorted by the filter language on id, name, type, system, created, updated. */
    @GetMapping
    public ResponseEntity<Object> list(HttpServletRequest request,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "0") int perPage,
                                    @RequestParam(defaultValue = "false") boolean skipTotal,
                                    @RequestParam(required = false) String filter,
                                    @RequestParam(required = false) String sort) {
        Caller.of(request).requireSuperuser();
        return intercepted(Kind.LIST, request, null, values -> ResponseEntity.ok(
                page(page, perPage, skipTotal, filter, sort)));
    }

    private Map<String, Object> page(int page, int perPage, boolean skipTotal, String filter, String sort) {
        PageRequest paging = new PageRequest(page, perPage);
        String order = sort == null || sort.isBlank() ? "created,name" : sort;
        QuerySpec spec = new QuerySpec(LISTING, List.of("id"), List.of(FilterInput.filter(filter == null ? "" : filter)),
                order, true, paging, RequestContext.anonymous());
        QueryPlan plan = compiler.plan(spec);
        List<Map<String, Object>> items = new ArrayList<>();
        for (org.jooq.Record row : renderer.select(dsl, plan).fetch()) {
            registry.find(row.get("id", String.class)).ifPresent(c -> items.add(CollectionJson.toJson(c)));
        }
        long total = skipTotal ? -1 : renderer.count(dsl, plan).fetchOne().value1();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", paging.page());
        json.put("perPage", paging.perPage());
        json.put("totalItems", total);
        json.put("totalPages", skipTotal ? -1 : (total + paging.perPage() - 1) / paging.perPage());
        json.put("items", items);
        return json;
    }

    @GetMapping("/{idOrName}")
    public ResponseEntity<Object> view(HttpServletRequest request, @PathVariable String idOrName) {
        Caller.of(request).requireSuperuser();
        Collection c = registry.find(idOrName).orElseThrow(ApiException::notFound);
        return intercepted(Kind.VIEW, request, c, values -> ResponseEntity.ok(CollectionJson.toJson(c)));
    }

    /** Creates a collection; 204 when a hook skipped the write. */
    @PostMapping
    public ResponseEntity<Object> create(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        return intercepted(Kind.CREATE, request, null, body, values -> {
            Collection created = service.create(CollectionDraft.of(values));
            return created == null ? ResponseEntity.noContent().build()
                    : ResponseEntity.ok(CollectionJson.toJson(created));
        });
    }

    @PatchMapping("/{idOrName}")
    public ResponseEntity<Object> update(HttpServletRequest request, @PathVariable String idOrName,
                                         @RequestBody Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        Collection c = registry.find(idOrName).orElseThrow(ApiException::notFound);
        return intercepted(Kind.UPDATE, request, c, body, values -> ResponseEntity.ok(CollectionJson.toJson(
                service.update(idOrName, CollectionDraft.of(values)))));
    }

    @DeleteMapping("/{idOrName}")
    public ResponseEntity<Object> delete(HttpServletRequest request, @PathVariable String idOrName) {
        Caller.of(request).requireSuperuser();
        Collection c = registry.find(idOrName).orElseThrow(ApiException::notFound);
        return intercepted(Kind.DELETE, request, c, values -> {
            service.delete(idOrName);
            return ResponseEntity.noContent().build();
        });
    }

    private ResponseEntity<Object> intercepted(Kind kind, HttpServletRequest request, Collection stored,
                                               Function<Map<String, Object>, ResponseEntity<Object>> proceed) {
        return intercepted(kind, request, stored, Map.of(), proceed);
    }

    /**
     * Runs {@code proceed} through the request hooks, with the submitted values (and those a hook changed) when
     * any is bound; else directly with {@code body}.
     */
    private ResponseEntity<Object> intercepted(Kind kind, HttpServletRequest request, Collection stored,
                                               Map<String, Object> body,
                                               Function<Map<String, Object>, ResponseEntity<Object>> proceed) {
        CollectionRequestInterceptor hooks = interceptor.getIfAvailable();
        if (hooks == null || !hooks.active()) {
            return proceed.apply(body);
        }
        Map<String, Object> json = stored == null ? Map.of() : CollectionJson.toJson(stored);
        Map<String, Object> values = kind == Kind.LIST ? null : new LinkedHashMap<>(json);
        if (values != null) {
            values.putAll(body);
        }
        ResponseEntity<Object> answer = hooks.around(kind, request, values, () -> proceed.apply(
                values == null ? body : CollectionWriteCalls.patch(json, body, values)));
        return answer != null ? answer : ResponseEntity.noContent().build();
    }

    /** Imports {@code {"collections":[...],"deleteMissing":bool}}. */
    @PutMapping("/import")
    public ResponseEntity<Object> importCollections(HttpServletRequest request,
                                                    @RequestBody Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        Map<String, Object> values = new LinkedHashMap<>(body);
        CollectionRequestInterceptor hooks = interceptor.getIfAvailable();
        if (hooks == null || !hooks.active()) {
            return imported(values);
        }
        ResponseEntity<Object> answer = hooks.aroundImport(request, values, () -> imported(values));
        return answer != null ? answer : ResponseEntity.noContent().build();
    }

    private ResponseEntity<Object> imported(Map<String, Object> body) {
        if (!(body.get("collections") instanceof List<?> list)) {
            throw CollectionErrors.IMPORT_FAILED.exception(Map.of("collections",
                    new FieldError("validation_required", "Must be a list of collections.")));
        }
        List<CollectionDraft> drafts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                throw CollectionErrors.IMPORT_FAILED.exception(Map.of("collections." + i,
                        new FieldError("validation_invalid_value", "Must be a collection object.")));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            item.forEach((k, v) -> values.put(String.valueOf(k), v));
            drafts.add(CollectionDraft.of(values));
        }
        Object deleteMissing = body.get("deleteMissing");
        service.importCollections(drafts, Boolean.TRUE.equals(deleteMissing));
        return ResponseEntity.noContent().build();
    }
}
