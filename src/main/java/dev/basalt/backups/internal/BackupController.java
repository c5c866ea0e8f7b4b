package dev.basalt.backups.internal;

import dev.basalt.auth.FileTokens;
import dev.basalt.backups.BackupProgress;
import dev.basalt.backups.Backups;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.CommonErrors;
import dev.basalt.shared.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's {@code /api/backups}: list, create, download (with a superuser's file token), delete and
 * restore (the upload is {@link BackupUploadServlet}). Everything but the download needs a superuser's auth token. A restore answers 204 once it is done
 * (PocketBase answers at once and restores after restarting); the server keeps serving throughout.
 */
@RestController
class BackupController {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final Backups backups;
    private final FileTokens tokens;

    BackupController(Backups backups, FileTokens tokens) {
        this.backups = backups;
        this.tokens = tokens;
    }

    /** A list item: PocketBase's {@code {key, size, modified}}. */
    record Item(String key, long size, String modified) {
    }

    @GetMapping("/api/backups")
    List<Item> list(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        return backups.list().stream()
                .map(b -> new Item(b.key(), b.size(), DATE.format(Instant.ofEpochMilli(b.modified())))).toList();
    }

    @PostMapping("/api/backups")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void create(HttpServletRequest request, @RequestBody(required = false) Map<String, Object> body) {
        Caller.of(request).requireSuperuser();
        Object name = body == null ? null : body.get("name");
        if (name != null && !(name instanceof String)) {
            throw ApiException.badRequest(CommonErrors.VALIDATION_FAILED.message(),
                    Map.of("name", FieldError.invalid("Must be a string.")));
        }
        backups.create((String) name, BackupProgress.NONE);
    }

    @GetMapping("/api/backups/{key}")
    ResponseEntity<Resource> download(@PathVariable String key, @RequestParam(required = false) String token) {
        Caller caller = tokens.verify(token);
        if (!caller.superuser()) {
            throw ApiException.forbidden("Insufficient permissions to access the resource.");
        }
        Resource zip = backups.file(key)
                .orElseThrow(ApiException::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(key).build()
                        .toString())
                .body(zip);
    }

    @DeleteMapping("/api/backups/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(HttpServletRequest request, @PathVariable String key) {
        Caller.of(request).requireSuperuser();
        backups.delete(key);
    }

    @PostMapping("/api/backups/{key}/restore")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void restore(HttpServletRequest request, @PathVariable String key) {
        Caller.of(request).requireSuperuser();
        backups.restore(key, BackupProgress.NONE);
    }
}
