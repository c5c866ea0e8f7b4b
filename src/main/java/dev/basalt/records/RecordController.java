package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** PocketBase's records API: {@code /api/collections/{collection}/records}. */
@RestController
@RequestMapping("/api/collections/{collection}/records")
class RecordController {
    private final CollectionRegistry collections;
    private final RecordService records;
    private final RequestBodies bodies;
    private final List<RecordRequestInterceptor> interceptors;

    RecordController(CollectionRegistry collections, RecordService records, RequestBodies bodies,
                     List<RecordRequestInterceptor> interceptors) {
        this.collections = collections;
        this.records = records;
        this.bodies = bodies;
        this.interceptors = List.copyOf(interceptors);
    }

    @GetMapping
    ResponseEntity<Object> list(@PathVariable String collection, HttpServletRequest request,
                             @RequestParam(required = false) String page,
                             @RequestParam(required = false) String perPage,
                             @RequestParam(required = false) String sort,
                             @RequestParam(required = false) String filter,
                             @RequestParam(required = false) String fields,
                             @RequestParam(required = false) String skipTotal,
                             @RequestParam(required = false) String expand) {
        ListParams params = ListParams.parse(page, perPage, sort, filter, skipTotal);
        Collection c = find(collection);
        return handled(new RecordApiCall(RecordApiCall.Kind.LIST, c, null, null, request),
                call -> ResponseEntity.ok(records.list(c, params, recordRequest(request, fields, expand))));
    }

    @GetMapping("/{id}")
    ResponseEntity<Object> view(@PathVariable String collection, @PathVariable String id, HttpServletRequest request,
                             @RequestParam(required = false) String fields,
                             @RequestParam(required = false) String expand) {
        Collection c = find(collection);
        return handled(new RecordApiCall(RecordApiCall.Kind.VIEW, c, id, null, request),
                call -> ResponseEntity.ok(records.view(c, id, recordRequest(request, fields, expand))));
    }

    @PostMapping
    ResponseEntity<Object> create(@PathVariable String collection, HttpServletRequest request,
                               @RequestParam(required = false) String fields,
                               @RequestParam(required = false) String expand) {
        Collection c = find(collection);
        return handled(new RecordApiCall(RecordApiCall.Kind.CREATE, c, null, bodies.readRecord(request), request),
                call -> ResponseEntity.ok(records.create(c, RecordInput.of(call.body()), recordRequest(request, fields, expand))));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Object> update(@PathVariable String collection, @PathVariable String id, HttpServletRequest request,
                               @RequestParam(required = false) String fields,
                               @RequestParam(required = false) String expand) {
        Collection c = find(collection);
        return handled(new RecordApiCall(RecordApiCall.Kind.UPDATE, c, id, bodies.readRecord(request), request),
                call -> ResponseEntity.ok(records.update(c, id, RecordInput.of(call.body()),
                        recordRequest(request, fields, expand))));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Object> delete(@PathVariable String collection, @PathVariable String id,
                                  HttpServletRequest request) {
        Collection c = find(collection);
        return handled(new RecordApiCall(RecordApiCall.Kind.DELETE, c, id, null, request), call -> {
            records.delete(c, id, recordRequest(request, null, null));
            return ResponseEntity.noContent().build();
        });
    }

    /** Handles a call through the request interceptors (PocketBase's request hooks), then {@code handler}. */
    private ResponseEntity<Object> handled(RecordApiCall call,
                                           java.util.function.Function<RecordApiCall, ResponseEntity<Object>> handler) {
        return step(call, 0, handler);
    }

    private ResponseEntity<Object> step(RecordApiCall call, int index,
                                        java.util.function.Function<RecordApiCall, ResponseEntity<Object>> handler) {
        if (index == interceptors.size()) {
            return handler.apply(call);
        }
        return interceptors.get(index).around(call, () -> step(call, index + 1, handler));
    }

    private static RecordRequest recordRequest(HttpServletRequest request, String fields, String expand) {
        return new RecordRequest(Caller.of(request), RequestInfos.of(request), ResponseShape.of(fields, expand));
    }

    private Collection find(String idOrName) {
        return collections.find(idOrName)
                .orElseThrow(RecordErrors.COLLECTION_MISSING::exception);
    }
}
