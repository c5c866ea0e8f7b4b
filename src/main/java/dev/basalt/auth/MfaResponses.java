package dev.basalt.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a sign-in that needs a second factor: 401 with the {@code mfaId} the client sends with the next method. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {AuthController.class, OtpController.class})
class MfaResponses {

    @ExceptionHandler(MultiFactor.Required.class)
    ResponseEntity<Map<String, Object>> required(MultiFactor.Required e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 401);
        body.put("message", "Please complete the second authentication step.");
        body.put("data", Map.of());
        body.put("mfaId", e.mfaId);
        return ResponseEntity.status(401).body(body);
    }
}
