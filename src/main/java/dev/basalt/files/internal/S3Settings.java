package dev.basalt.files.internal;

import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Where files live when not on the local disk: an S3-compatible bucket, bound from {@code basalt.s3.*}
 * ({@code BASALT_S3_ENDPOINT}, {@code BASALT_S3_BUCKET}, {@code BASALT_S3_REGION}, {@code BASALT_S3_ACCESS_KEY},
 * {@code BASALT_S3_SECRET}, {@code BASALT_S3_FORCE_PATH_STYLE}). An empty endpoint keeps files on the local disk;
 * with an endpoint, the bucket and both keys are required, and a bad value stops the start.
 *
 * @param endpoint       the service URL, e.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://127.0.0.1:9000}
 * @param bucket         the bucket holding the files (it must exist)
 * @param region         the signing region ({@code us-east-1} suits most S3-compatible servers)
 * @param accessKey      the access key id
 * @param secret         the secret access key
 * @param forcePathStyle {@code http://host/bucket/key} addresses instead of {@code http://bucket.host/key}
 *                       (MinIO and most self-hosted servers need it)
 */
@Validated
@ConfigurationProperties("basalt.s3")
public record S3Settings(@Pattern(regexp = "^$|^https?://[^\\s/?#]+(/[^\\s?#]*)?$",
                                  message = "must be an http:// or https:// URL")
                         @DefaultValue("") String endpoint,
                         @Pattern(regexp = "^$|^[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]$",
                                  message = "must be an S3 bucket name (3-63 characters: a-z, 0-9, '.', '-')")
                         @DefaultValue("") String bucket,
                         @Pattern(regexp = "^[a-z0-9\\-]{1,64}$", message = "must be a region name such as us-east-1")
                         @DefaultValue("us-east-1") String region,
                         @DefaultValue("") String accessKey,
                         @DefaultValue("") String secret,
                         @DefaultValue("false") boolean forcePathStyle) implements Validator {

    /** True when files go to the bucket rather than the local disk. */
    public boolean enabled() {
        return !endpoint.isBlank();
    }

    /** The endpoint as a URI. */
    public URI endpointUri() {
        return URI.create(endpoint);
    }

    @Override
    public boolean supports(Class<?> type) {
        return S3Settings.class.isAssignableFrom(type);
    }

    /** Checks what depends on the endpoint: with one, the bucket and both keys are required. */
    @Override
    public void validate(Object target, Errors errors) {
        S3Settings settings = (S3Settings) target;
        if (!settings.enabled()) {
            return;
        }
        String message = "must be set when BASALT_S3_ENDPOINT is set";
        if (settings.bucket().isBlank()) {
            errors.rejectValue("bucket", "required", message);
        }
        if (settings.accessKey().isBlank()) {
            errors.rejectValue("accessKey", "required", message);
        }
        if (settings.secret().isBlank()) {
            errors.rejectValue("secret", "required", message);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region
                + ", forcePathStyle=" + forcePathStyle + "]";
    }
}
