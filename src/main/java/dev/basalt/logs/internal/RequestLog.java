package dev.basalt.logs.internal;

import dev.basalt.logs.LogLevels;
import dev.basalt.logs.LogsConfig;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A request as the {@link RequestLogFilter} saw it: the raw values only. Everything PocketBase's entry derives from
 * them (the cut lengths, the url with its query, the decoded message, the JSON) is done on the writer thread; the
 * request thread just collects references (profiled: building a map per request and serialising it there cost
 * more than the rest of the capture).
 *
 * @param error    the error message answered, or null
 * @param auth     "" (guest), "_superusers" or the auth collection's name
 * @param authId   the auth record's id, or null when it is not logged
 * @param userIp   the client's address behind trusted proxies, or null when addresses are not logged
 * @param remoteIp the peer address of the connection, or null when addresses are not logged
 */
record RequestLog(long createdMillis, int status, double execTime, String method, String uri, String query,
                  String error, String referer, String userAgent, String auth, String authId, String userIp,
                  String remoteIp) implements PendingLog {
    /** PocketBase's cut lengths. */
    static final int MAX_URL = 3000;
    static final int MAX_HEADER = 2000;
    static final int MAX_METHOD = 50;
    static final int FIRST_ERROR_STATUS = 400;
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    /** Room for a typical entry's JSON, so the builder rarely grows. */
    private static final int TYPICAL_JSON = 256;

    @Override
    public int level() {
        return status >= FIRST_ERROR_STATUS ? LogLevels.ERROR : LogLevels.INFO;
    }

    @Override
    public String message() {
        String url = url();
        try {
            url = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not valid percent-encoding: the message shows it as sent
        }
        return upperMethod() + " " + url;
    }

    /** PocketBase's data of a request entry, in its key order. */
    @Override
    public String dataJson(LogsConfig config) {
        StringBuilder json = new StringBuilder(TYPICAL_JSON).append("{\"type\":\"request\",\"execTime\":")
                .append(execTime);
        if (error != null && status >= FIRST_ERROR_STATUS) {
            string(json, "error", error);
        }
        string(json, "url", url());
        string(json, "method", upperMethod());
        json.append(",\"status\":").append(status);
        string(json, "referer", cut(referer == null ? "" : referer, MAX_HEADER));
        string(json, "userAgent", cut(userAgent == null ? "" : userAgent, MAX_HEADER));
        string(json, "auth", auth);
        if (authId != null && config.logAuthId()) {
            string(json, LogEntry.AUTH_ID, authId);
        }
        if (userIp != null && config.logIP()) {
            string(json, LogEntry.USER_IP, userIp);
            string(json, LogEntry.REMOTE_IP, remoteIp);
        }
        return json.append('}').toString();
    }

    private String url() {
        return cut(query == null ? uri : uri + "?" + query, MAX_URL);
    }

    private String upperMethod() {
        return cut(method.toUpperCase(Locale.ROOT), MAX_METHOD);
    }

    private static void string(StringBuilder json, String key, String value) {
        json.append(",\"").append(key).append("\":\"");
        ENCODER.quoteAsString(value, json);
        json.append('"');
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
