package dev.basalt.hooks;

import dev.basalt.files.FileRequestInterceptor.Download;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * PocketBase's {@code FileDownloadRequestEvent} ({@code onFileDownloadRequest}): a download of a file the caller may
 * see. {@link #next()} serves it (named {@link Download#servedName()}, changeable); else the handler answers.
 */
public final class FileDownloadRequestEvent extends RequestEvent {
    private final Download download;

    public FileDownloadRequestEvent(HttpServletRequest request, Download download) {
        super(request, Map.of());
        this.download = download;
    }

    /** The record, file field, served path and name. */
    public Download download() {
        return download;
    }

    /** The record's collection id and name, for handlers bound to some collections. */
    @Override
    public Set<String> tags() {
        return Set.of(download.collection().id(), download.collection().name());
    }
}
