package dev.basalt.realtime;

import dev.basalt.shared.Caller;
import java.util.Map;

/**
 * One subscription of one client that matches a change, as the domain sees it when deciding delivery.
 *
 * @param name            the subscription exactly as the client sent it (also the SSE event name)
 * @param wholeCollection true for {@code collection/*} (list access), false for {@code collection/RECORD_ID}
 *                        (view access)
 * @param query           the {@code options.query} values (e.g. {@code filter}, {@code fields}, {@code expand})
 * @param headers         the {@code options.headers} values, names in snake_case
 * @param caller          who the client authenticated as with its last {@code POST /api/realtime}
 */
public record SubscriptionView(String name, boolean wholeCollection, Map<String, String> query,
                               Map<String, String> headers, Caller caller) {
    public SubscriptionView {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }
}
