package dev.basalt.auth;

import dev.basalt.collections.CollectionService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the system collections the auth module needs ({@code _superusers}, {@code _externalAuths}) when the
 * application starts.
 */
@Component
class SystemCollections implements SmartInitializingSingleton {
    private final CollectionService collections;

    SystemCollections(CollectionService collections) {
        this.collections = collections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        collections.ensureSystemCollection(SuperuserCollection.definition());
        collections.ensureSystemCollection(ExternalAuthsCollection.definition());
    }
}
