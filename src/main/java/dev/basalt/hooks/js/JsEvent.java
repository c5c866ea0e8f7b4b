package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.hooks.HookEvent;
import dev.basalt.hooks.RequestEvent;
import dev.basalt.shared.Caller;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * The host side of one event as hook code sees it ({@code e} is built from it by the prelude's {@code __dispatch}):
 * the chain's {@code next()}, the collection and record, and for HTTP events the request and the answer methods. All
 * values cross as JSON text or primitives.
 */
public final class JsEvent {
    private final String kind;
    private final HookEvent event;
    private final Collection collection;
    private final JsRecord record;
    private final boolean recordIsNew;
    private final RequestEvent request;
    private String error;
    private Map<String, Object> authAnswer;
    private String authMethod;
    private Caller viewer;

    JsEvent(String kind, HookEvent event, Collection collection, JsRecord record, boolean recordIsNew,
            RequestEvent request) {
        this.kind = kind;
        this.event = event;
        this.collection = collection;
        this.record = record;
        this.recordIsNew = recordIsNew;
        this.request = request;
    }

    JsEvent withError(String value) {
        this.error = value;
        return this;
    }

    /** Who an enriched record is for. */
    JsEvent withViewer(Caller value) {
        this.viewer = value;
        return this;
    }

    /** The enrich event's {@code requestInfo.auth}: the viewer's record with its collection, or null. */
    @HostAccess.Export
    public String viewer() {
        if (viewer == null || viewer.id().isEmpty()) {
            return null;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(viewer.record());
        out.put("id", viewer.id());
        out.put("collectionId", viewer.collectionId());
        out.put("collectionName", viewer.collectionName());
        return JsJson.write(out);
    }

    JsEvent withAuth(String method, Map<String, Object> answer) {
        this.authMethod = method;
        this.authAnswer = answer;
        return this;
    }

    @HostAccess.Export
    public String kind() {
        return kind;
    }

    @HostAccess.Export
    public void next() {
        event.next();
    }

    /** The collection's name, or null (cheaper than {@link #collection()}, which the prelude reads on first use). */
    @HostAccess.Export
    public String collectionName() {
        return collection == null ? null : collection.name();
    }

    @HostAccess.Export
    public String collection() {
        return collection == null ? null : JsJson.write(JsJson.collection(collection));
    }

    @HostAccess.Export
    public boolean hasRecord() {
        return record != null;
    }

    @HostAccess.Export
    public JsRecord record() {
        return record;
    }

    @HostAccess.Export
    public boolean recordIsNew() {
        return recordIsNew;
    }

    @HostAccess.Export
    public String error() {
        return error;
    }

    @HostAccess.Export
    public String token() {
        return authAnswer == null ? "" : String.valueOf(authAnswer.get("token"));
    }

    @HostAccess.Export
    public String meta() {
        if (event instanceof dev.basalt.hooks.MailerRecordEvent mail) {
            return JsJson.write(mail.meta());
        }
        return authAnswer == null ? null : JsJson.write(authAnswer.get("meta"));
    }

    /** The event's changeable part as JSON ({@code e.message}, {@code e.subscriptions}); see {@link JsPayloads}. */
    @HostAccess.Export
    public String payload() {
        return JsPayloads.read(event);
    }

    @HostAccess.Export
    public void payload(String json) {
        JsPayloads.write(event, json);
    }

    /** The event's read-only extras as JSON ({@code servedPath}, {@code fileField}), or null. */
    @HostAccess.Export
    public String extra() {
        return JsPayloads.extra(event);
    }

    /** The realtime client's id, or "". */
    @HostAccess.Export
    public String clientId() {
        return switch (event) {
            case dev.basalt.hooks.RealtimeConnectRequestEvent e -> e.clientId();
            case dev.basalt.hooks.RealtimeSubscribeRequestEvent e -> e.clientId();
            case dev.basalt.hooks.RealtimeMessageEvent e -> e.clientId();
            default -> "";
        };
    }

    @HostAccess.Export
    public String authMethod() {
        return authMethod == null ? "" : authMethod;
    }

    @HostAccess.Export
    public String method() {
        return request.request().getMethod();
    }

    @HostAccess.Export
    public String path() {
        return request.request().getRequestURI();
    }

    @HostAccess.Export
    public String rawQuery() {
        String q = request.request().getQueryString();
        return q == null ? "" : q;
    }

    @HostAccess.Export
    public String header(String name) {
        String value = request.request().getHeader(name);
        return value == null ? "" : value;
    }

    @HostAccess.Export
    public String pathValue(String name) {
        return request.pathValue(name);
    }

    /**
     * The {@code index}th upload of the multipart request under {@code field} as a new file (PocketBase's
     * {@code e.findUploadedFiles}), or null past the last one. A record request's uploads are taken from its body
     * when the HTTP request has none under that name (a batch sub-request's files are {@code requests.N.field}).
     */
    @HostAccess.Export
    public JsFile uploadedFile(String field, int index) {
        if (request == null) {
            return null;
        }
        List<MultipartFile> files = request.request() instanceof MultipartRequest multipart
                ? multipart.getFiles(field) : List.of();
        if (files.isEmpty() && request instanceof dev.basalt.hooks.RecordRequestEvent r) {
            Object value = r.body().get(field);
            files = (value instanceof List<?> l ? l : value == null ? List.of() : List.of(value)).stream()
                    .filter(v -> v instanceof MultipartFile && !(v instanceof JsFile))
                    .map(MultipartFile.class::cast).toList();
        }
        return index < files.size() ? JsFile.of(files.get(index)) : null;
    }

    @HostAccess.Export
    public String requestInfo() {
        return JsJson.write(request.requestInfo());
    }

    @HostAccess.Export
    public String auth() {
        Caller caller = request.auth();
        return caller.id().isEmpty() ? null : JsJson.write(caller.record());
    }

    @HostAccess.Export
    public String authCollection() {
        return request.auth().collectionName();
    }

    @HostAccess.Export
    public boolean superuser() {
        return request.hasSuperuserAuth();
    }

    @HostAccess.Export
    public String realIP() {
        return request.request().getRemoteAddr();
    }

    @HostAccess.Export
    public void json(int status, String json) {
        request.json(status, JsJson.read(json));
    }

    @HostAccess.Export
    public void string(int status, String text) {
        request.string(status, text);
    }

    @HostAccess.Export
    public void html(int status, String text) {
        request.html(status, text);
    }

    @HostAccess.Export
    public void redirect(int status, String url) {
        request.redirect(status, url);
    }

    @HostAccess.Export
    public void setHeader(String name, String value) {
        request.setHeader(name, value);
    }

    @HostAccess.Export
    public void noContent(int status) {
        request.noContent(status);
    }
}
