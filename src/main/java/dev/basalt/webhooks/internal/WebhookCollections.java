package dev.basalt.webhooks.internal;

import dev.basalt.collections.CollectionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates {@code _webhooks} and {@code _webhookDeliveries} when the application starts, unless they exist, and seals
 * the webhook secrets stored plain when an encryption key is set ({@link WebhookSecrets}).
 */
@Component
class WebhookCollections implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookCollections.class);
    private final CollectionService collections;
    private final WebhookSecrets secrets;

    WebhookCollections(CollectionService collections, WebhookSecrets secrets) {
        this.collections = collections;
        this.secrets = secrets;
    }

    @Override
    public void afterSingletonsInstantiated() {
        collections.ensureSystemCollection(WebhooksCollection.definition());
        collections.ensureSystemCollection(DeliveriesCollection.definition());
        int sealed = secrets.sealStoredSecrets();
        if (sealed > 0) {
            LOG.info("Encrypted {} webhook secret(s) stored before the encryption key was set", sealed);
        }
    }
}
