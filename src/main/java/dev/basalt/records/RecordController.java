package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
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

    RecordController(CollectionRegistry collections, RecordService records, RequestBodies bodies) {
        this.collections = collections;
        this.records = records;
        this.bodies = bodies;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String collection, HttpServletRequest request,
                             @RequestParam(required = false) String page,
                             @RequestParam(required = false) String perPage,
                             @RequestParam(required = false) String sort,
                             @RequestParam(required = false) String filter,
                             @RequestParam(required = false) String fields,
                             @RequestParam(required = false) String skipTotal,
                             @RequestParam(required = false) String expand) {
        ListParams params = ListParams.parse(page, perPage, sort, filter, skipTotal);
        return records.list(find(collection), params, recordRequest(request, fields, expand));
    }

    @GetMapping("/{id}")
    Map<String, Object> view(@PathVariable String collection, @PathVariable String id, HttpServletRequest request,
                             @RequestParam(required = false) String fields,
                             @RequestParam(required = false) String expand) {
        return records.view(find(collection), id, recordRequest(request, fields, expand));
    }

    @PostMapping
    Map<String, Object> create(@PathVariable String collection, HttpServletRequest request,
                               @RequestParam(required = false) String fields,
                               @RequestParam(required = false) String expand) {
        Collection c = find(collection);
        return records.create(c, bodies.readRecord(request), recordRequest(request, fields, expand));
    }

    @PatchMapping("/{id}")
    Map<String, Object> update(@PathVariable String collection, @PathVariable String id, HttpServletRequest request,
                               @RequestParam(required = false) String fields,
                               @RequestParam(required = false) String expand) {
        Collection c = find(collection);
        return records.update(c, id, bodies.readRecord(request), recordRequest(request, fields, expand));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String collection, @PathVariable String id, HttpServletRequest request) {
        records.delete(find(collection), id, recordRequest(request, null, null));
        return ResponseEntity.noContent().build();
    }

    private static RecordRequest recordRequest(HttpServletRequest request, String fields, String expand) {
        return new RecordRequest(Caller.of(request), RequestInfos.of(request), ResponseShape.of(fields, expand));
    }

    private Collection find(String idOrName) {
        return collections.find(idOrName)
                .orElseThrow(RecordErrors.COLLECTION_MISSING::exception);
    }
}
