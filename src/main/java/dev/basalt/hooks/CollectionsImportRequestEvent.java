package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PocketBase's {@code CollectionsImportRequestEvent} ({@code PUT /api/collections/import}): the submitted
 * {@link #collectionsData()} and {@link #deleteMissing()}, changeable before {@link #next()}, which imports them;
 * else the handler answers.
 */
public final class CollectionsImportRequestEvent extends RequestEvent {
    private final Map<String, Object> submitted;

    /** {@code submitted}: the body the import reads after the handlers ({@code collections}, {@code deleteMissing}). */
    public CollectionsImportRequestEvent(HttpServletRequest request, Map<String, Object> submitted) {
        super(request, Map.of());
        this.submitted = submitted;
    }

    /** The collections to import (their JSON form), mutable. */
    @SuppressWarnings("unchecked")
    public List<Object> collectionsData() {
        if (!(submitted.get("collections") instanceof ArrayList<?>)) {
            submitted.put("collections", submitted.get("collections") instanceof List<?> l ? new ArrayList<>(l)
                    : new ArrayList<>());
        }
        return (List<Object>) submitted.get("collections");
    }

    /** True when collections missing from the import are deleted. */
    public boolean deleteMissing() {
        return Boolean.TRUE.equals(submitted.get("deleteMissing"));
    }

    public void deleteMissing(boolean value) {
        submitted.put("deleteMissing", value);
    }
}
