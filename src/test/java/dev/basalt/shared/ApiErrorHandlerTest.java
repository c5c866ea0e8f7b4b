package dev.basalt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/** Which handler Spring picks for an exception: a client that went away is not an unhandled error. */
class ApiErrorHandlerTest {
    private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(ApiErrorHandler.class);

    @Test
    void aClosedRealtimeStreamIsNotLoggedAsAnError() {
        assertThat(resolver.resolveMethod(new AsyncRequestNotUsableException("Response not usable after response errors.")))
                .extracting(java.lang.reflect.Method::getName).isEqualTo("clientGone");
    }

    @Test
    void anythingElseUnexpectedStillIs() {
        assertThat(resolver.resolveMethod(new IllegalStateException("bug")))
                .extracting(java.lang.reflect.Method::getName).isEqualTo("unexpected");
    }
}
