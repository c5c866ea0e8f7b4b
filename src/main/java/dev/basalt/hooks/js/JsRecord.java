package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * A record held by the server, as hook code's {@code Record} reads and writes it (values as JSON text): stored values
 * (shown as PocketBase's JSON) under an overlay of the values set or submitted, which {@code onSet} passes on (to
 * the pending write or the submitted body).
 */
public final class JsRecord {
    private final Collection collection;
    private final Supplier<Map<String, Object>> source;
    private final Map<String, Object> overlay;
    private final BiConsumer<String, Object> onSet;
    private Map<String, Object> stored;

    JsRecord(Collection collection, Map<String, Object> stored, Map<String, Object> overlay,
             BiConsumer<String, Object> onSet) {
        this(collection, overlay, onSet, () -> stored);
    }

    private JsRecord(Collection collection, Map<String, Object> overlay, BiConsumer<String, Object> onSet,
                     Supplier<Map<String, Object>> stored) {
        this.collection = collection;
        this.source = stored;
        this.overlay = overlay == null ? new LinkedHashMap<>() : overlay;
        this.onSet = onSet == null ? (k, v) -> { } : onSet;
    }

    /**
     * A record whose stored values are read on first use: a view request hook that never looks at its record costs
     * no query (the request reads the stored record once more for the hook).
     */
    static JsRecord lazy(Collection collection, Supplier<Map<String, Object>> stored) {
        return new JsRecord(collection, new LinkedHashMap<>(), null, stored);
    }

    /** A record whose values are already JSON (an answer's record): reads and writes go to that map. */
    static JsRecord ofJson(Collection collection, Map<String, Object> json) {
        return new JsRecord(collection, null, json, null);
    }

    /** The value of {@code key} as JSON text ({@code null} when unset). */
    @HostAccess.Export
    public String get(String key) {
        if (overlay.containsKey(key)) {
            return JsJson.write(overlay.get(key));
        }
        return JsJson.write(JsJson.fieldJson(collection, key, stored().get(key)));
    }

    /** Sets {@code key} from JSON text, with the files it holds ({@link JsFilesystem#decode}). */
    @HostAccess.Export
    public void set(String key, String json, Value files) {
        Object value = JsFilesystem.decode(JsJson.read(json), files);
        overlay.put(key, value);
        onSet.accept(key, value);
    }

    /** Leaves {@code key} out of the JSON (an enriched or answered record). */
    @HostAccess.Export
    public void hide(String key) {
        overlay.remove(key);
    }

    /** The whole record as JSON text. */
    @HostAccess.Export
    public String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        stored().forEach((k, v) -> out.put(k, JsJson.fieldJson(collection, k, v)));
        out.putAll(overlay);
        return JsJson.write(out);
    }

    private Map<String, Object> stored() {
        if (stored == null) {
            Map<String, Object> values = source.get();
            stored = values == null ? Map.of() : values;
        }
        return stored;
    }
}
