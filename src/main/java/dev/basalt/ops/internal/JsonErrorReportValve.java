package dev.basalt.ops.internal;

import dev.basalt.shared.CommonErrors;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report in PocketBase's JSON shape ({@code {"status":N,"message":"...","data":{}}}) instead of its
 * HTML page, for requests Tomcat answers itself. No exception text, class name or server version is written.
 */
public class JsonErrorReportValve extends ErrorReportValve {
    private static final int FIRST_ERROR_STATUS = 400;

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < FIRST_ERROR_STATUS || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"status\":" + status + ",\"message\":\"" + message(status) + "\",\"data\":{}}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the connection is gone or the response was committed meanwhile: nothing more to say
        }
    }

    /** PocketBase's message for an error status the API raises outside its handlers. */
    static String message(int status) {
        return switch (status) {
            case 400 -> CommonErrors.REQUEST_FAILED.message();
            case 401 -> "The request requires valid authorization token.";
            case 403 -> "You are not allowed to perform this request.";
            case 404 -> CommonErrors.NOT_FOUND.message();
            case 405 -> CommonErrors.METHOD_NOT_ALLOWED.message();
            case 413 -> CommonErrors.BODY_TOO_LARGE.message();
            case 414 -> "The request URL is too long.";
            case 431 -> "The request headers are too large.";
            case 503 -> "Service unavailable.";
            default -> CommonErrors.REQUEST_FAILED.message();
        };
    }
}
