package dev.basalt.auth;

import dev.basalt.records.RequestInfos;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordRequest;
import dev.basalt.records.RecordService;
import dev.basalt.records.ResponseShape;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
    private final List<AuthResponseInterceptor> interceptors;

    AuthRecordExpand(RecordService records, RecordReads store, List<AuthResponseInterceptor> interceptors) {
        this.records = records;
        this.store = store;
        this.interceptors = List.copyOf(interceptors);
    }

    /**
     * Expands {@code out.record} when the request asks for it, then passes the answer through the
     * {@link AuthResponseInterceptor}s (every auth answer comes here); returns {@code out}.
     */
    Map<String, Object> apply(Collection collection, Map<String, Object> out, HttpServletRequest request) {
        expand(collection, out, request);
        String uri = request.getRequestURI();
        String method = uri.contains("/impersonate/") ? "impersonate"
                : uri.substring(uri.lastIndexOf('/') + 1).replace("auth-with-", "").replace("auth-", "");
        intercepted(collection, method, out, request, 0);
        return out;
    }

    private void intercepted(Collection collection, String method, Map<String, Object> out,
                             HttpServletRequest request, int index) {
        if (index < interceptors.size()) {
            interceptors.get(index).around(collection, method, out, request,
                    () -> intercepted(collection, method, out, request, index + 1));
        }
    }

    private void expand(Collection collection, Map<String, Object> out, HttpServletRequest request) {
        String expand = request.getParameter("expand");
        if (expand == null || expand.isBlank() || !(out.get("record") instanceof Map<?, ?> rendered)
                || !(rendered.get("id") instanceof String id)) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) rendered;
        store.findById(collection, id).ifPresent(row -> records.expand(collection, record, new RecordRequest(
                AuthService.toCaller(collection, row), RequestInfos.of(request), ResponseShape.of(null, expand))));
    }
}
