package dev.basalt.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every exception raised by a controller into PocketBase's error JSON; internals are only logged. */
@RestControllerAdvice
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return body(e.status(), e.getMessage(), e.data());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MultipartException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return body(CommonErrors.BODY_TOO_LARGE);
        }
        return body(CommonErrors.BODY_MALFORMED);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badParameter(Exception e) {
        return body(400, "Invalid request parameters.", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return body(CommonErrors.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(415, "Unsupported request content type.", Map.of());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> noResource(Exception e) {
        return body(CommonErrors.NOT_FOUND);
    }

    /** A client that went away mid-response (a closed realtime stream, most often): nothing to answer, no error. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("Client gone on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        BadInput bad = BadInput.of(e);
        if (bad != null) {
            // the client's fault: one line, no stack trace (anonymous input must not flood the log)
            log.warn("Bad input on {} {}: {}", request.getMethod(), request.getRequestURI(), bad.name());
            return body(400, bad.message(), Map.of());
        }
        if (DatabaseUnavailable.is(e)) {
            // an outage, not a bug: one line per request rather than a stack trace each
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    DatabaseUnavailable.reason(e));
            return body(DatabaseUnavailable.STATUS, DatabaseUnavailable.MESSAGE, Map.of());
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return body(500, CommonErrors.REQUEST_FAILED.message(), Map.of());
    }

    /** Request attribute holding the message of the error answered (read by the request logs). */
    public static final String ERROR_MESSAGE_ATTRIBUTE = ApiErrorHandler.class.getName() + ".message";

    private static ResponseEntity<Map<String, Object>> body(ApiError error) {
        return body(error.status(), error.message(), Map.of());
    }

    /** Builds PocketBase's error body, and notes its message on the current request. */
    public static ResponseEntity<Map<String, Object>> body(int status, String message, Map<String, FieldError> data) {
        RequestAttributes current = RequestContextHolder.getRequestAttributes();
        if (current != null) {
            current.setAttribute(ERROR_MESSAGE_ATTRIBUTE, message, RequestAttributes.SCOPE_REQUEST);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("message", message);
        Map<String, Object> fields = new LinkedHashMap<>();
        data.forEach((k, v) -> fields.put(k, Map.of("code", v.code(), "message", v.message())));
        json.put("data", fields);
        return ResponseEntity.status(status).body(json);
    }
}
