package dev.basalt.hosting.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * Spring's static-resource handler on the public directory, with PocketBase's rules on top: a directory path
 * ({@code /}, {@code /docs/}) serves its {@code index.html}, and {@code /docs} redirects (301) to {@code /docs/}; with the index fallback a path that matches no file
 * serves the root {@code index.html} (single-page apps with pretty URLs); {@code /api/} and {@code /_/} are never
 * served from here. Caching: {@code ETag} (length, modification time and encoding) and {@code Last-Modified} with
 * 304 answers, and {@code Cache-Control: no-cache}, since file names are not content-hashed in general; a
 * precompressed {@code name.br} or {@code name.gz} next to a file is sent when the client accepts it.
 * Spring rejects {@code ..} and its encodings; {@link ConfinedPathResolver} also refuses symbolic links that
 * lead out of the directory.
 */
final class PublicDirHandler extends ResourceHttpRequestHandler {
    static final String INDEX = "index.html";
    private static final List<String> RESERVED_PREFIXES = List.of("api/", "_/");

    private final boolean indexFallback;

    PublicDirHandler(Path dir, boolean indexFallback) {
        this.indexFallback = indexFallback;
        setLocations(List.of(new FileSystemResource(dir.toString() + "/")));
        setResourceResolvers(List.of(new EncodedResourceResolver(), new ConfinedPathResolver(dir)));
        setCacheControl(CacheControl.noCache());
        setEtagGenerator(PublicDirHandler::etag);
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        if (isDirectoryWithoutSlash(request)) {
            // as PocketBase and static servers do: relative links in the directory's index.html resolve inside it
            String query = request.getQueryString();
            String target = request.getRequestURI().replaceFirst("^/+", "/") + "/" + (query == null ? "" : "?" + query);
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader(HttpHeaders.LOCATION, target);
            return;
        }
        super.handleRequest(request, response);
    }

    /** True for {@code /docs} when {@code docs/index.html} exists in the directory (and {@code docs} is no file). */
    private boolean isDirectoryWithoutSlash(HttpServletRequest request) throws IOException {
        String path = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String trimmed = path == null ? "" : path.replaceFirst("^/+", "");
        if (trimmed.isEmpty() || reserved(trimmed) || request.getRequestURI().endsWith("/")) {
            return false;
        }
        try {
            request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, trimmed + "/" + INDEX);
            return super.getResource(request) != null;
        } finally {
            request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, path);
        }
    }

    @Override
    protected Resource getResource(HttpServletRequest request) throws IOException {
        String path = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String trimmed = path == null ? "" : path.replaceFirst("^/+", "");
        if (reserved(trimmed)) {
            return null;
        }
        // the mapping's path drops a trailing slash: the request URI tells a directory from a file
        if (trimmed.isEmpty() || request.getRequestURI().endsWith("/")) {
            String dir = trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
            request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, dir + INDEX);
        }
        HttpServletRequest brotliFirst = new BrotliFirstRequest(request);
        Resource found = super.getResource(brotliFirst);
        if (found == null && indexFallback) {
            request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, INDEX);
            found = super.getResource(brotliFirst);
        }
        return found;
    }

    /**
     * Spring picks the first precompressed copy in the client's {@code Accept-Encoding} order, and browsers list
     * {@code gzip} before {@code br}; brotli files are smaller, so {@code br} goes first when it is accepted.
     */
    private static final class BrotliFirstRequest extends HttpServletRequestWrapper {
        BrotliFirstRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            if (value == null || !HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)) {
                return value;
            }
            List<String> codings = new ArrayList<>(List.of(value.split(",")));
            codings.sort(Comparator.comparing(c -> !c.trim().toLowerCase(Locale.ROOT).startsWith("br")));
            return String.join(",", codings);
        }
    }

    @Override
    protected void setHeaders(HttpServletResponse response, Resource resource, MediaType mediaType) throws IOException {
        super.setHeaders(response, resource, mediaType);
        // the same URL answers differently by Accept-Encoding whenever a precompressed copy exists
        if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(v -> v.contains(HttpHeaders.ACCEPT_ENCODING))) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }
    }

    private static boolean reserved(String path) {
        return RESERVED_PREFIXES.stream()
                .anyMatch(p -> path.startsWith(p) || path.equals(p.substring(0, p.length() - 1)));
    }

    /** A strong validator that changes with the content's length, time or encoding. */
    private static String etag(Resource resource) {
        try {
            String encoding = resource instanceof HttpResource http
                    ? http.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING) : null;
            return "\"" + Long.toHexString(resource.lastModified()) + "-" + Long.toHexString(resource.contentLength())
                    + (encoding == null ? "" : "-" + encoding) + "\"";
        } catch (IOException e) {
            return null;
        }
    }
}
