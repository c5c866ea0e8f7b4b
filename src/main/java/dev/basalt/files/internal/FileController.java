package dev.basalt.files.internal;

import dev.basalt.auth.FileTokens;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.files.FileRequestInterceptor;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.FileField;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordService;
import dev.basalt.records.RecordReads;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's files API: {@code GET /api/files/{collection}/{recordId}/{filename}} ({@code thumb}, {@code download},
 * {@code token}) and {@code POST /api/files/token}. As in PocketBase, a file that is not {@code protected} is served
 * to whoever knows its (random) name; a protected one needs a file token whose record passes the viewRule (else 404).
 * A view record's file is checked against the view's own field and viewRule, then served from its source record.
 */
@RestController
class FileController {
    /** Types browsers may show inline; everything else is sent as an attachment (as PocketBase). */
    static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpg", "image/jpeg", "image/gif", "image/webp",
            "image/x-icon", "image/bmp", "video/webm", "video/mp4", "video/3gpp", "video/quicktime", "video/x-ms-wmv",
            "audio/basic", "audio/aiff", "audio/mpeg", "audio/midi", "audio/mp3", "audio/wave", "audio/wav",
            "audio/x-wav", "audio/x-mpeg", "audio/x-m4a", "audio/aac", "application/pdf", "application/x-pdf");
    /** Served files never run scripts or load anything in the API's origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
    /** How long clients may cache a file (names are immutable: a changed file gets a new name). */
    static final long CACHE_SECONDS = 2_592_000;
    /** Revalidation grace period after {@link #CACHE_SECONDS}. */
    static final long STALE_SECONDS = 86_400;

    private final CollectionRegistry collections;
    private final RecordReads store;
    private final RecordService records;
    private final FileTokens tokens;
    private final ThumbnailCache thumbnails;
    private final ViewFileOrigins viewFiles;
    private final ObjectProvider<FileRequestInterceptor> interceptor;

    FileController(CollectionRegistry collections, RecordReads store, RecordService records, FileTokens tokens,
                   ThumbnailCache thumbnails, ViewFileOrigins viewFiles,
                   ObjectProvider<FileRequestInterceptor> interceptor) {
        this.interceptor = interceptor;
        this.collections = collections;
        this.store = store;
        this.records = records;
        this.tokens = tokens;
        this.thumbnails = thumbnails;
        this.viewFiles = viewFiles;
    }

    @GetMapping("/api/files/{collection}/{recordId}/{filename}")
    ResponseEntity<?> download(@PathVariable String collection, @PathVariable String recordId,
                               @PathVariable String filename,
                               @RequestParam(required = false) String thumb,
                               @RequestParam(required = false) String download,
                               @RequestParam(required = false) String token, HttpServletRequest request) {
        Collection c = collections.find(collection).orElseThrow(ApiException::notFound);
        RecordData row = store.findById(c, recordId).orElseThrow(ApiException::notFound);
        FileField field = fieldHolding(c, row, filename);
        if (field.protectedFiles() && !records.canView(c, recordId, tokens.verify(token))) {
            // 404 as PocketBase: a refused file reads exactly like a missing one (no existence oracle).
            throw ApiException.notFound();
        }
        // a view stores nothing: its files (and their thumbnails) live with the source record holding the name
        ViewFileOrigins.Owner owner = c.isView()
                ? viewFiles.owner(c, field, filename).orElseThrow(ApiException::notFound)
                : new ViewFileOrigins.Owner(c, recordId);
        FileRequestInterceptor hooks = interceptor.getIfAvailable();
        if (hooks == null || !hooks.active()) {
            return serve(owner, filename, field, thumb, download, null);
        }
        var event = new FileRequestInterceptor.Download(c, row.values(), field.name(),
                owner.collection().id() + "/" + owner.recordId() + "/" + filename, filename);
        return hooks.aroundDownload(request, event, () -> serve(owner, filename, field, thumb, download,
                filename.equals(event.servedName()) ? null : event.servedName()));
    }

    /** The file's answer; {@code name} (a hook's) replaces the served file's name when not null. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<Object> serve(ViewFileOrigins.Owner owner, String filename, FileField field, String thumb,
                                         String download, String name) {
        ThumbnailCache.Served served = thumbnails.serve(owner.collection(), owner.recordId(), filename, field, thumb);
        boolean attachment = truthy(download) || !INLINE_TYPES.contains(served.contentType());
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(name == null || name.isEmpty() ? served.name() : name).build();
        CacheControl cache = CacheControl.maxAge(java.time.Duration.ofSeconds(CACHE_SECONDS))
                .staleWhileRevalidate(java.time.Duration.ofSeconds(STALE_SECONDS));
        return (ResponseEntity) ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(served.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(field.protectedFiles() ? cache.cachePrivate() : cache)
                .body(served.resource());
    }

    @PostMapping("/api/files/token")
    ResponseEntity<Object> token(HttpServletRequest request) {
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("token", tokens.issue(Caller.of(request)));
        FileRequestInterceptor hooks = interceptor.getIfAvailable();
        return hooks == null || !hooks.active() ? ResponseEntity.ok(answer)
                : hooks.aroundToken(request, answer, () -> ResponseEntity.ok(answer));
    }

    private static FileField fieldHolding(Collection c, RecordData row, String filename) {
        for (Field f : c.fields()) {
            if (f instanceof FileField file && row.strings(f.name()).contains(filename)) {
                return file;
            }
        }
        throw ApiException.notFound();
    }

    private static boolean truthy(String value) {
        return value != null && !value.isEmpty() && !value.equals("0") && !value.equalsIgnoreCase("false");
    }
}
