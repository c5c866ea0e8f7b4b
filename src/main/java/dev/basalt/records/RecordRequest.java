package dev.basalt.records;

import dev.basalt.query.RequestInfo;
import dev.basalt.shared.Caller;
import java.util.Objects;

/**
 * One records operation's request, whoever makes it (the REST API, batch, realtime, auth, the server itself): who
 * asks, what {@code @request.*} reads, and the shape of the answer. Every {@link RecordService} operation takes one,
 * so a new parameter is a new component here, never another overload that defaults the rest.
 *
 * @param caller who asks; rules are checked for them
 * @param info   the request's method, context, query, headers and body, for {@code @request.*}
 * @param shape  the {@code fields} selection and relations to {@code expand} of the answer
 */
public record RecordRequest(Caller caller, RequestInfo info, ResponseShape shape) {
    public RecordRequest {
        Objects.requireNonNull(caller, "caller");
        info = info == null ? RequestInfo.NONE : info;
        shape = shape == null ? ResponseShape.PLAIN : shape;
    }

    /** A request without HTTP details (a write the server makes, a test): no query, headers or body. */
    public static RecordRequest of(Caller caller) {
        return new RecordRequest(caller, RequestInfo.NONE, ResponseShape.PLAIN);
    }

    /** The same request answered with another shape (e.g. an auth response's {@code expand}). */
    public RecordRequest shaped(ResponseShape value) {
        return new RecordRequest(caller, info, value);
    }
}
