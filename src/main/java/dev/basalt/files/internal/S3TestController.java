package dev.basalt.files.internal;

import dev.basalt.records.RequestBodies;
import dev.basalt.settings.EnvOverrides;
import dev.basalt.settings.Settings;
import dev.basalt.settings.SettingsStore;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import dev.basalt.shared.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's {@code POST /api/settings/test/s3} (superusers): {@code {filesystem: "storage"|"backups"}} writes a
 * small object to the bucket of that section, reads it back and deletes it; 204, or 400 with the S3 error. For
 * {@code storage}, the bucket of {@code BASALT_S3_*} when that is set (it is the one in use), else the settings'.
 */
@RestController
class S3TestController {
    private static final byte[] CONTENT = "test".getBytes(StandardCharsets.UTF_8);
    private static final String FAILED = "Failed to test the S3 filesystem.";
    private final SettingsStore settings;
    private final EnvOverrides overrides;
    private final S3Settings environment;
    private final RequestBodies bodies;

    S3TestController(SettingsStore settings, EnvOverrides overrides, S3Settings environment, RequestBodies bodies) {
        this.settings = settings;
        this.overrides = overrides;
        this.environment = environment;
        this.bodies = bodies;
    }

    @PostMapping("/api/settings/test/s3")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void test(HttpServletRequest request) {
        Caller.of(request).requireSuperuser();
        Object filesystem = bodies.read(request).get("filesystem");
        if (filesystem == null || "".equals(filesystem)) {
            throw ApiException.badRequest(FAILED, Map.of("filesystem", FieldError.required()));
        }
        if (!"storage".equals(filesystem) && !"backups".equals(filesystem)) {
            throw ApiException.badRequest(FAILED,
                    Map.of("filesystem", new FieldError("validation_in_invalid", "Must be a valid value.")));
        }
        S3Settings target;
        if ("storage".equals(filesystem) && overrides.has(EnvOverrides.S3)) {
            target = environment;
        } else {
            Settings current = settings.current();
            Settings.S3 s3 = "storage".equals(filesystem) ? current.s3() : current.backups().s3();
            if (!s3.enabled()) {
                throw failed("S3 storage filesystem is not enabled");
            }
            target = SettingsFileStorage.toS3Settings(s3);
        }
        roundTrip(target);
    }

    private static void roundTrip(S3Settings target) {
        String prefix = "pb_settings_test_" + UUID.randomUUID().toString().substring(0, 8);
        try (S3FileStorage storage = S3FileStorage.connect(target)) {
            storage.write(prefix + "/test.txt", new ByteArrayInputStream(CONTENT), CONTENT.length);
            Resource read = storage.find(prefix + "/test.txt")
                    .orElseThrow(() -> new IOException("the test file was not found after it was written"));
            try (InputStream in = read.getInputStream()) {
                if (!Arrays.equals(in.readAllBytes(), CONTENT)) {
                    throw new IOException("the test file read back differs from the one written");
                }
            }
            storage.deleteAll(prefix);
        } catch (IllegalStateException | UncheckedIOException | IOException e) {
            throw failed(e.getMessage());
        }
    }

    private static ApiException failed(String raw) {
        return ApiException.badRequest(FAILED + " Raw error: \n" + raw);
    }
}
