package dev.basalt.webhooks.internal;

import dev.basalt.collections.CollectionService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Creates {@code _webhooks} and {@code _webhookDeliveries} when the application starts, unless they exist. */
@Component
class WebhookCollections implements SmartInitializingSingleton {
    private final CollectionService collections;

    WebhookCollections(CollectionService collections) {
        this.collections = collections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        collections.ensureSystemCollection(WebhooksCollection.definition());
        collections.ensureSystemCollection(DeliveriesCollection.definition());
    }
}
