package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Auth record ids are unique across every auth collection, not only within one: rules compare relations with
 * {@code @request.auth.id}, so a record of a second auth collection created with the id of a {@code users} record
 * would otherwise pass {@code owner = @request.auth.id} on that user's records. Each auth record create takes one
 * transaction-scoped advisory lock, then looks for the id in the other auth collections; the lock is held until the
 * creating transaction ends, so two creates of one id in two collections are serialised and the second one sees the
 * first (READ COMMITTED: each statement reads what committed before it started). Record ids never change on update.
 */
@Component
class AuthIds {
    /** The advisory lock key of auth record creates ("authid" in ASCII); distinct from the schema lock's key. */
    static final long LOCK_KEY = 0x617574686964L;

    private final DSLContext dsl;
    private final CollectionRegistry registry;

    AuthIds(DSLContext dsl, CollectionRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    /**
     * Inside the transaction that creates a record of {@code collection} with this id: a 400 shaped like a duplicate
     * id when another auth collection already has a record with it. Nothing for other collections.
     */
    void claim(Collection collection, String id, RecordErrors failure) {
        if (!collection.isAuth() || id == null) {
            return;
        }
        List<Collection> others = registry.all().stream()
                .filter(c -> c.isAuth() && !c.id().equals(collection.id())).toList();
        if (others.isEmpty()) {
            return;
        }
        dsl.select(DSL.function(DSL.name("pg_advisory_xact_lock"), Object.class, DSL.inline(LOCK_KEY))).fetch();
        Select<Record1<Integer>> taken = null;
        for (Collection other : others) {
            Select<Record1<Integer>> one = DSL.selectOne().from(RecordTables.table(other))
                    .where(RecordTables.id(other).eq(id));
            taken = taken == null ? one : taken.unionAll(one);
        }
        if (dsl.fetchExists(taken)) {
            throw failure.exception(Map.of("id", WriteErrors.notUnique()));
        }
    }
}
