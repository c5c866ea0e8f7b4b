package dev.basalt.auth;

import dev.basalt.records.RecordData;
import dev.basalt.records.RequestInfos;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequest;
import dev.basalt.records.RecordService;
import dev.basalt.records.ResponseShape;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code ?expand=} on auth responses ({@code auth-with-password}, OTP, OAuth2, {@code auth-refresh},
 * {@code impersonate}): the response's {@code record} is expanded as the record it names may view it, as in
 * PocketBase, which expands after making that record the request's auth.
 */
@Component
class AuthRecordExpand {
    private final RecordService records;
    private final RecordReads store;

    AuthRecordExpand(RecordService records, RecordReads store) {
        this.records = records;
        this.store = store;
    }

    /** Expands {@code out.record} when the request asks for it; returns {@code out}. */
    Map<String, Object> apply(Collection collection, Map<String, Object> out, HttpServletRequest request) {
        String expand = request.getParameter("expand");
        if (expand == null || expand.isBlank() || !(out.get("record") instanceof Map<?, ?> rendered)
                || !(rendered.get("id") instanceof String id)) {
            return out;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) rendered;
        store.findById(collection, id).ifPresent(row -> records.expand(collection, record, new RecordRequest(
                AuthService.toCaller(collection, row), RequestInfos.of(request), ResponseShape.of(null, expand))));
        return out;
    }
}
