package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionDraft;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.CollectionService;
import dev.basalt.collections.SystemRoles;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the system collections the auth module needs ({@code _roles} first, since every auth collection has a
 * {@code roles} relation to it, then {@code _superusers} and {@code _externalAuths}) when the application starts, and
 * gives auth collections stored before roles existed their {@code roles} field.
 */
@Component
class SystemCollections implements SmartInitializingSingleton {
    private final CollectionService collections;
    private final CollectionRegistry registry;

    SystemCollections(CollectionService collections, CollectionRegistry registry) {
        this.collections = collections;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        collections.ensureSystemCollection(SystemRoles.definition());
        collections.ensureSystemCollection(SuperuserCollection.definition());
        collections.ensureSystemCollection(ExternalAuthsCollection.definition());
        for (Collection c : registry.all()) {
            if (c.isAuth() && c.field(SystemRoles.FIELD).isEmpty()) {
                collections.update(c.id(), CollectionDraft.of(Map.of())); // the defaults add the field
            }
        }
    }
}
