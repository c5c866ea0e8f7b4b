package dev.basalt.ops.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import dev.basalt.shared.ApiErrorHandler;
import org.apache.catalina.core.StandardHost;

/**
 * Errors raised outside the controllers answer in PocketBase's JSON shape too: requests Tomcat refuses before any
 * servlet runs (a URL over the header limit, bad percent-encoding, a NUL in the path) go through
 * {@link JsonErrorReportValve} instead of Tomcat's HTML page, and the servlet container's error dispatch
 * ({@code /error}: a path the firewall rejects such as {@code ..;}, TRACE) answers here instead of Spring's JSON.
 */
@RestController
public class JsonErrorPages implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // a client asking for /error itself asks for a path the API does not have
        int status = code instanceof Integer c && c >= 400 ? c : 404;
        return ApiErrorHandler.body(status, JsonErrorReportValve.message(status), Map.of());
    }

    /** Installs the JSON error report valve on Tomcat's host (last, so it wins over Spring Boot's own). */
    @Component
    static class ValveCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
