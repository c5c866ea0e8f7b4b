package dev.basalt.backups.internal;

import dev.basalt.backups.Backups;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.CommonErrors;
import dev.basalt.shared.FieldError;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/backups/upload} as a servlet of its own: like PocketBase's route it has no body limit (a backup
 * is usually larger than the 50 MB every other multipart request may carry), and parts are spooled to disk above
 * {@link #IN_MEMORY_BYTES}. Authentication comes from the same filter chain as every route; errors use
 * PocketBase's JSON shape.
 */
@Configuration(proxyBeanMethods = false)
class BackupUploadServlet {
    /** Parts up to this size stay in memory; larger ones go to a temporary file. */
    static final int IN_MEMORY_BYTES = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INVALID = CommonErrors.VALIDATION_FAILED.message();

    @Bean
    ServletRegistrationBean<HttpServlet> backupUploadRegistration(Backups backups) {
        ServletRegistrationBean<HttpServlet> registration =
                new ServletRegistrationBean<>(new Upload(backups), "/api/backups/upload");
        registration.setMultipartConfig(new MultipartConfigElement("", -1, -1, IN_MEMORY_BYTES));
        registration.setName("backupUpload");
        return registration;
    }

    /** The servlet: checks the caller and the part, then stores it through {@link Backups#upload}. */
    static final class Upload extends HttpServlet {
        private final transient Backups backups;

        Upload(Backups backups) {
            this.backups = backups;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                if (!"POST".equals(request.getMethod())) {
                    throw new ApiException(405, "Method Not Allowed.");
                }
                Caller.of(request).requireSuperuser();
                store(request);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } catch (ApiException e) {
                response.setStatus(e.status());
                response.setContentType("application/json");
                JSON.writeValue(response.getOutputStream(),
                        Map.of("status", e.status(), "message", e.getMessage(), "data", e.data()));
            }
        }

        private void store(HttpServletRequest request) throws IOException {
            String type = request.getContentType();
            Part file;
            try {
                file = type != null && type.toLowerCase().startsWith("multipart/form-data")
                        ? request.getPart("file") : null;
            } catch (ServletException | IllegalStateException e) {
                throw CommonErrors.BODY_MALFORMED.exception();
            }
            if (file == null || file.getSubmittedFileName() == null || file.getSize() == 0) {
                throw ApiException.badRequest(INVALID, Map.of("file", FieldError.required()));
            }
            try (InputStream in = file.getInputStream()) {
                byte[] head = in.readNBytes(2);
                if (head.length < 2 || head[0] != 'P' || head[1] != 'K') {
                    throw ApiException.badRequest(INVALID, Map.of("file", new FieldError(
                            "validation_invalid_mime_type", "The file must be a zip (application/zip).")));
                }
            }
            try (InputStream in = file.getInputStream()) {
                backups.upload(file.getSubmittedFileName(), in);
            } finally {
                file.delete();
            }
        }
    }
}
