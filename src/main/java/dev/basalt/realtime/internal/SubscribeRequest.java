package dev.basalt.realtime.internal;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.CommonErrors;
import dev.basalt.shared.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /api/realtime}: {@code clientId} (required, at most 255 characters) and
 * {@code subscriptions} (at most 1000, each at most 2500 characters), validated with PocketBase's codes.
 */
record SubscribeRequest(String clientId, List<String> subscriptions) {
    /** Largest accepted body. */
    static final int MAX_BODY_BYTES = 4 << 20;
    static final int MAX_CLIENT_ID = 255;
    static final int MAX_SUBSCRIPTIONS = 1000;
    static final int MAX_SUBSCRIPTION_LENGTH = 2500;
    private static final String FAILED = CommonErrors.REQUEST_FAILED.message();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SubscribeRequest parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw CommonErrors.BODY_TOO_LARGE.exception();
        }
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest(FAILED);
        }
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest(FAILED);
        }
        JsonNode id = json.get("clientId");
        JsonNode subs = json.get("subscriptions");
        if ((id != null && !id.isNull() && !id.isString()) || (subs != null && !subs.isNull() && !subs.isArray())) {
            throw ApiException.badRequest(FAILED);
        }
        String clientId = id == null || id.isNull() ? "" : id.asString();
        List<String> names = new ArrayList<>();
        if (subs != null && subs.isArray()) {
            for (JsonNode s : subs) {
                if (!s.isString()) {
                    throw ApiException.badRequest(FAILED);
                }
                names.add(s.asString());
            }
        }
        validate(clientId, names);
        return new SubscribeRequest(clientId, List.copyOf(names));
    }

    private static void validate(String clientId, List<String> names) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        if (clientId.isEmpty()) {
            errors.put("clientId", new FieldError("validation_required", "Cannot be blank."));
        } else if (clientId.length() > MAX_CLIENT_ID) {
            errors.put("clientId", new FieldError("validation_length_out_of_range",
                    "The length must be between 1 and " + MAX_CLIENT_ID + "."));
        }
        if (names.size() > MAX_SUBSCRIPTIONS) {
            errors.put("subscriptions", new FieldError("validation_length_too_long",
                    "The length must be no more than " + MAX_SUBSCRIPTIONS + "."));
        } else {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (name.length() > MAX_SUBSCRIPTION_LENGTH) {
                    errors.put("subscriptions", new FieldError("validation_length_too_long",
                            "Subscription " + i + ": the length must be no more than " + MAX_SUBSCRIPTION_LENGTH + "."));
                    break;
                }
                if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                    errors.put("subscriptions", new FieldError("validation_invalid_subscription",
                            "Subscription " + i + ": line breaks are not allowed."));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(FAILED, errors);
        }
    }
}
