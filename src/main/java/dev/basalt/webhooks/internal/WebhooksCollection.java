package dev.basalt.webhooks.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.BoolField;
import dev.basalt.collections.fields.SelectField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.collections.fields.UrlField;
import java.util.List;

/**
 * The system collection {@code _webhooks}: one record per webhook, managed through the records API like any
 * collection; every rule is null, so only superusers see or change them.
 */
final class WebhooksCollection {
    static final String NAME = "_webhooks";
    static final String ID = "pbc_webhooks0001";
    /** The events a webhook can ask for: PocketBase's record actions. */
    static final List<String> EVENTS = List.of("create", "update", "delete");

    /** Shortest secret accepted: an HMAC key guessable by brute force protects nothing. */
    static final int MIN_SECRET = 16;
    /** A secret generated on create when none is given. */
    static final String SECRET_PATTERN = "[a-zA-Z0-9]{40}";

    private WebhooksCollection() {
    }

    static Collection definition() {
        return new Collection(ID, NAME, Collection.BASE, true, List.of(
                TextField.idField(),
                new UrlField("url_webhook_url", "url", "url", true, false, true, true, List.of(), List.of()),
                new TextField("text_webhook_collection", "collection", "text", true, false, false, true, 1, 255,
                        "", "", false),
                new SelectField("select_webhook_events", "events", "select", true, false, false, true, EVENTS,
                        EVENTS.size()),
                new TextField("text_webhook_secret", "secret", "text", true, true, false, true, MIN_SECRET, 255, "",
                        SECRET_PATTERN, false),
                new BoolField("bool_webhook_active", "active", "bool", true, false, false, false),
                new AutodateField("autodate2990389176", "created", "autodate", true, false, false, true, false),
                new AutodateField("autodate3332085495", "updated", "autodate", true, false, false, true, true)),
                List.of(), null, null, null, null, null, null, null);
    }
}
