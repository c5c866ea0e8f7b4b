package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.CollectionJson;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionService;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;

/**
 * Collections for JS migrations and hooks ({@code new Collection(...)}, {@code $app.save(collection)}): reads and
 * changes them through {@link CollectionService}, so a change is validated and applied as the API's. Collections
 * cross as PocketBase's JSON text.
 */
public final class JsCollections {
    private final CollectionRegistry registry;
    private final CollectionService service;

    JsCollections(CollectionRegistry registry, CollectionService service) {
        this.registry = registry;
        this.service = service;
    }

    /** The collection's whole definition, or null. */
    @HostAccess.Export
    public String find(String nameOrId) {
        return registry.find(nameOrId).map(c -> JsJson.write(CollectionJson.toJson(c))).orElse(null);
    }

    /** Every collection's definition, in the registry's order. */
    @HostAccess.Export
    public String all() {
        return JsJson.write(registry.all().stream().map(CollectionJson::toJson).toList());
    }

    /** Updates the collection with this id (its whole definition: fields not given are dropped), else creates it. */
    @HostAccess.Export
    public String save(String json) {
        Map<String, Object> values = JsJson.readMap(json);
        Object id = values.get("id");
        if ("".equals(id)) { // a new Collection without an id asks for a generated one
            values.remove("id");
        }
        boolean exists = id instanceof String s && !s.isEmpty() && registry.find(s).isPresent();
        Collection saved = exists ? service.update((String) id, CollectionDraft.of(values))
                : service.create(CollectionDraft.of(values));
        return JsJson.write(CollectionJson.toJson(saved));
    }

    /** PocketBase's {@code importCollections}: creates or updates each one, by id else name, in one transaction. */
    @HostAccess.Export
    public void importCollections(String json, boolean deleteMissing) {
        Object list = JsJson.read(json);
        if (!(list instanceof java.util.List<?> items)) {
            throw new IllegalArgumentException("importCollections takes an array of collections");
        }
        service.importCollections(items.stream().map(i -> CollectionDraft.of(asMap(i))).toList(), deleteMissing);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        if (!(item instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("importCollections takes an array of collections");
        }
        return (Map<String, Object>) m;
    }

    @HostAccess.Export
    public void delete(String idOrName) {
        service.delete(idOrName);
    }
}
