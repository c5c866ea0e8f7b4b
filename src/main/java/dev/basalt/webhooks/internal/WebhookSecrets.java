package dev.basalt.webhooks.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordErrors;
import dev.basalt.records.RecordTables;
import dev.basalt.records.RecordWrite;
import dev.basalt.records.RecordWriteListener;
import dev.basalt.shared.SecretCipher;
import dev.basalt.shared.ValidationErrors;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets at rest. With an encryption key ({@code BASALT_ENCRYPTION_KEY} or the variable named by
 * {@code --encryptionEnv}, as for the settings) each secret written to {@code _webhooks} is replaced in the same
 * transaction by its sealed form ({@link SecretCipher}, bound to the webhook's id), so the plain secret never
 * commits; the create or update response still shows it once. Secrets stored plain (before a key was set) keep
 * working, and are sealed when the server starts with a key. Without a key, secrets are stored plain.
 */
@Component
@Order(2)
class WebhookSecrets implements RecordWriteListener {
    /**
     * Longest secret accepted while encrypting: its sealed form (nonce, ciphertext and tag in base64, plus the
     * prefix) must fit the field's 255 characters, which a later save of the record checks again.
     */
    static final int MAX_SEALED_SECRET = 128;
    private static final String FIELD = "secret";

    private final SecretCipher cipher;
    private final DSLContext dsl;
    private final CollectionRegistry registry;

    WebhookSecrets(SecretCipher cipher, DSLContext dsl, CollectionRegistry registry) {
        this.cipher = cipher;
        this.dsl = dsl;
        this.registry = registry;
    }

    @Override
    public void written(RecordWrite write) {
        if (!cipher.enabled() || write.action() == RecordWrite.Action.DELETE
                || !WebhooksCollection.ID.equals(write.collection().id())) {
            return;
        }
        if (write.record().get(FIELD) instanceof String secret && !SecretCipher.isSealed(secret)) {
            if (secret.length() > MAX_SEALED_SECRET) {
                new ValidationErrors().add(FIELD, "validation_max_text_constraint", "Must be less than "
                        + MAX_SEALED_SECRET + " character(s) while secrets are encrypted.")
                        .throwIfAny(write.action() == RecordWrite.Action.CREATE ? RecordErrors.CREATE_FAILED
                                : RecordErrors.UPDATE_FAILED);
            }
            store(write.collection(), write.id(), cipher.seal(secret, context(write.id())));
        }
    }

    /**
     * The secret to sign with: a sealed one opened with the key, a plain one as stored.
     *
     * @throws SecretCipher.Failure when it is sealed and the key is missing or not the one it was sealed with
     */
    String plain(Map<String, Object> webhook) {
        String stored = String.valueOf(webhook.get(FIELD));
        return SecretCipher.isSealed(stored) ? cipher.open(stored, context(String.valueOf(webhook.get("id"))))
                : stored;
    }

    /** Seals every secret still stored plain; run at start, once the collection exists. Returns how many. */
    int sealStoredSecrets() {
        Collection webhooks = registry.find(WebhooksCollection.ID).orElse(null);
        if (!cipher.enabled() || webhooks == null) {
            return 0;
        }
        var secret = RecordTables.column(webhooks, webhooks.field(FIELD).orElseThrow());
        var id = RecordTables.id(webhooks);
        int sealed = 0;
        for (var row : dsl.select(id, secret).from(RecordTables.table(webhooks))
                .where(secret.cast(String.class).notLike(SecretCipher.PREFIX + "%")).fetch()) {
            String plain = String.valueOf(row.value2());
            if (plain.length() <= MAX_SEALED_SECRET) {
                sealed += store(webhooks, row.value1(), cipher.seal(plain, context(row.value1())));
            }
        }
        return sealed;
    }

    private int store(Collection webhooks, String id, String sealed) {
        var column = RecordTables.column(webhooks, webhooks.field(FIELD).orElseThrow());
        return dsl.update(RecordTables.table(webhooks)).set(column, sealed)
                .where(RecordTables.id(webhooks).eq(id))
                .and(column.cast(String.class).notLike(SecretCipher.PREFIX + "%")).execute();
    }

    /** What a sealed secret is bound to: copied to another webhook, it does not open. */
    static String context(String webhookId) {
        return WebhooksCollection.NAME + "." + webhookId + "." + FIELD;
    }
}
