package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.records.RecordErrors;
import dev.basalt.shared.ApiError;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The records and auth error catalogues: one entry per message, stable codes, PocketBase's statuses. */
class ErrorCataloguesTest {
    private static List<ApiError> all() {
        List<ApiError> all = new ArrayList<>(List.of(RecordErrors.values()));
        all.addAll(List.of(AuthErrors.values()));
        return all;
    }

    @Test
    void codesAndMessagesAreWrittenOnce() {
        List<ApiError> all = all();
        assertThat(all.stream().map(ApiError::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("(records|auth)\\.[a-z][a-z0-9_]*"));
        assertThat(all.stream().map(ApiError::message)).doesNotHaveDuplicates().allMatch(m -> m.endsWith("."));
        assertThat(all.stream().map(ApiError::status)).allMatch(s -> s >= 400 && s < 500);
    }

    @Test
    void anErrorBecomesTheExceptionTheHandlerRenders() {
        ApiException e = AuthErrors.REFRESH_TOKEN_INVALID.exception();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("The refresh token is invalid, expired or already used.");
        assertThat(e.data()).isEmpty();
        assertThat(e.is(AuthErrors.REFRESH_TOKEN_INVALID)).isTrue();
        assertThat(e.is(AuthErrors.TOKEN_INVALID)).isFalse();

        ApiException withData = RecordErrors.CREATE_FAILED.exception(Map.of("title", FieldError.required()));
        assertThat(withData.status()).isEqualTo(400);
        assertThat(withData.data()).containsKey("title");
        assertThat(new ApiException(400, "Failed to create record.").is(RecordErrors.CREATE_FAILED))
                .as("only catalogue errors carry their type").isFalse();
        assertThat(Stream.of(RecordErrors.values()).map(RecordErrors::code)).contains("records.create_failed");
    }
}
