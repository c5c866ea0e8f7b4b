package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordService;
import dev.basalt.records.RecordStore;
import dev.basalt.records.RecordTables;
import dev.basalt.shared.Caller;
import java.util.Map;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Creates or updates superusers through the same validation as the records API. */
@Service
class SuperusersService implements Superusers {
    private static final Caller SYSTEM = new Caller("system", SuperuserCollection.ID, SuperuserCollection.NAME, true, Map.of());
    private final CollectionRegistry collections;
    private final RecordStore store;
    private final RecordService records;

    SuperusersService(CollectionRegistry collections, RecordStore store, RecordService records) {
        this.collections = collections;
        this.store = store;
        this.records = records;
    }

    @Override
    public boolean upsert(String email, String password) {
        Collection c = collections.find(SuperuserCollection.NAME).orElseThrow();
        var emailColumn = RecordTables.column(c, c.field("email").orElseThrow());
        var existing = store.findWhere(c, DSL.lower(emailColumn.cast(String.class)).eq(email.trim().toLowerCase()), false);
        Map<String, Object> body = Map.of("email", email.trim(), "password", password, "passwordConfirm", password);
        if (existing.isPresent()) {
            records.update(c, (String) existing.get().get("id"), body, SYSTEM, null);
            return false;
        }
        records.create(c, body, SYSTEM, null);
        return true;
    }
}
