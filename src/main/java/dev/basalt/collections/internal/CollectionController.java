package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionRegistry;
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

    public CollectionController(CollectionService service, CollectionRegistry registry, QueryCompiler compiler,
                                PlanRenderer renderer, DSLContext dsl) {
        this.service = service;
        this.registry = registry;
        this.compiler = compiler;
        this.renderer = renderer;
        this.dsl = dsl;
    }

    /** Lists collections, filtered and sorted by the filter language on id, name, type, system, created, updated. */
    @GetMapping
    public Map<String, Object> list(HttpServletRequest request,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "0") int perPage,
                                    @RequestParam(defaultValue = "false") boolean skipTotal,
                                    @RequestParam(required = false) String filter,
                                    @RequestParam(required = false) String sort) {
        Caller.of(request).requireSuperuser();
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
    public Map<String, Object> view(HttpServletRequest request, @PathVariable String idOrName) {
        Caller.of(request).requireSuperuser();
        return CollectionJson.toJson(registry.find(idOrName).orElseThrow(ApiException::notFound));
    }

    @PostMapping
    public Map<String, Object> create(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        return CollectionJson.toJson(service.create(CollectionDraft.of(body)));
    }

    @PatchMapping("/{idOrName}")
    public Map<String, Object> update(HttpServletRequest request, @PathVariable String idOrName,
                                      @RequestBody Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        return CollectionJson.toJson(service.update(idOrName, CollectionDraft.of(body)));
    }

    @DeleteMapping("/{idOrName}")
    public ResponseEntity<Void> delete(HttpServletRequest request, @PathVariable String idOrName) {
        Caller.of(request).requireSuperuser();
        service.delete(idOrName);
        return ResponseEntity.noContent().build();
    }

    /** Imports {@code {"collections":[...],"deleteMissing":bool}}. */
    @PutMapping("/import")
    public ResponseEntity<Void> importCollections(HttpServletRequest request,
                                                  @RequestBody Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
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
