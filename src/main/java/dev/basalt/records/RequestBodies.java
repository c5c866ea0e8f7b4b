package dev.basalt.records;

import dev.basalt.collections.fields.Casts;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a submitted record from JSON, multipart/form-data or urlencoded bodies into a map of field names to
 * values. Form values are strings (or lists for repeated keys); the SDK's {@code @jsonPayload} part is merged.
 * File parts become a list of {@code MultipartFile}s under their field name, after any text values of that name
 * (e.g. kept file names next to new uploads).
 */
@Component
public class RequestBodies {
    /** The largest JSON body accepted, in bytes. */
    public static final int MAX_JSON_BODY_BYTES = 32 << 20;
    private static final String JSON_PAYLOAD = "@jsonPayload";

    private final JsonMapper json;

    public RequestBodies(JsonMapper json) {
        this.json = json;
    }

    /** The submitted values; an empty body is an empty map. Form values stay strings. */
    public Map<String, Object> read(HttpServletRequest request) {
        return read(request, false);
    }

    /**
     * A record create or update body: like {@link #read}, but form values are inferred as PocketBase's form reader
     * does ({@link Casts#formValue}: {@code "true"} is a bool, {@code "12"} a number, {@code "0.0"} stays text);
     * the {@code @jsonPayload} part is taken as sent.
     */
    public Map<String, Object> readRecord(HttpServletRequest request) {
        return read(request, true);
    }

    private Map<String, Object> read(HttpServletRequest request, boolean infer) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")) {
            return readForm(request, infer);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_JSON_BODY_BYTES + 1);
            if (bytes.length > MAX_JSON_BODY_BYTES) {
                throw RecordErrors.BODY_TOO_LARGE.exception();
            }
            return parseObject(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw RecordErrors.BODY_UNREADABLE.exception();
        }
    }

    private Map<String, Object> parseObject(String text) {
        if (text.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Object parsed = json.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw RecordErrors.BODY_MALFORMED.exception();
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (JacksonException e) {
            throw RecordErrors.BODY_MALFORMED.exception();
        }
    }

    private Map<String, Object> readForm(HttpServletRequest request, boolean infer) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> payloads = new ArrayList<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (e.getKey().equals(JSON_PAYLOAD)) {
                payloads.addAll(Arrays.asList(e.getValue()));
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (String v : e.getValue()) {
                values.add(infer ? Casts.formValue(v) : v);
            }
            out.put(e.getKey(), values.size() == 1 ? values.getFirst() : values);
        }
        // as PocketBase, the JSON payload is applied after the plain values and wins over them
        for (String payload : payloads) {
            out.putAll(parseObject(payload));
        }
        if (request instanceof MultipartHttpServletRequest multipart) {
            for (String name : multipart.getMultiFileMap().keySet()) {
                List<Object> values = new ArrayList<>();
                Object given = out.get(name);
                if (given instanceof List<?> list) {
                    values.addAll(list);
                } else if (given != null) {
                    values.add(given);
                }
                values.addAll(multipart.getFiles(name));
                out.put(name, values);
            }
        }
        return out;
    }
}
