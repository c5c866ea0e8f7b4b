package dev.basalt.batch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the batch API, bound from {@code basalt.batch.*} ({@code BASALT_BATCH_MAX_REQUESTS}, ...). PocketBase
 * keeps these in its settings with the same defaults, except that PocketBase ships with batch requests disabled.
 *
 * @param enabled        false answers every batch with 403
 * @param maxRequests    the most sub-requests one batch may hold (PocketBase: 50)
 * @param timeoutSeconds the longest a whole batch transaction may run (PocketBase: 3); past it, nothing is written
 * @param maxBodyBytes   the largest batch body accepted
 */
@Validated
@ConfigurationProperties("basalt.batch")
public record BatchSettings(@DefaultValue("true") boolean enabled,
                            @Min(1) @Max(1000) @DefaultValue("50") int maxRequests,
                            @Min(1) @Max(600) @DefaultValue("3") int timeoutSeconds,
                            @Min(1024) @DefaultValue("33554432") long maxBodyBytes) {
}
