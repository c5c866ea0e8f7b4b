package dev.basalt.collections.internal;

import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's collection meta endpoints for superusers: {@code GET /api/collections/meta/scaffolds} and
 * {@code POST /api/collections/meta/dry-run-view}. ({@code meta/oauth2-providers} lives in the auth module, which
 * knows the providers.)
 */
@RestController
@RequestMapping("/api/collections/meta")
public class CollectionMetaController {
    private final CollectionRegistry registry;
    private final DSLContext dsl;

    public CollectionMetaController(CollectionRegistry registry, DSLContext dsl) {
        this.registry = registry;
        this.dsl = dsl;
    }

    /** The blank {@code auth}, {@code base} and {@code view} collections (see {@link CollectionScaffolds}). */
    @GetMapping("/scaffolds")
    public Map<String, Object> scaffolds(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return CollectionScaffolds.all();
    }

    /** The fields and a sample of the records of {@code {"query": "SELECT ..."}}; nothing is created. */
    @PostMapping("/dry-run-view")
    public Map<String, Object> dryRunView(HttpServletRequest request,
                                          @RequestBody(required = false) Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        return ViewDryRun.run(dsl, registry.all(), body == null ? null : body.get("query"));
    }
}
