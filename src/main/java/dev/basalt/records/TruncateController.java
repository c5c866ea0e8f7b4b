package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * PocketBase's {@code DELETE /api/collections/{c}/truncate} (superusers only): every record goes through the delete
 * path of the records API ({@link RelationIntegrity#delete}), so relation cascades and clean-up in other collections,
 * file removal and realtime delete events happen as for single deletes; all in one transaction, files removed
 * after it commits. It lives here rather than in the collections module, which cannot depend on records.
 */
@RestController
class TruncateController {
    /** Records deleted per statement, as PocketBase's truncate loop: bounds the rows one statement returns. */
    static final int TRUNCATE_BATCH = 500;

    private final CollectionRegistry collections;
    private final RelationIntegrity relations;
    private final TransactionTemplate tx;

    TruncateController(CollectionRegistry collections, RelationIntegrity relations, TransactionTemplate tx) {
        this.collections = collections;
        this.relations = relations;
        this.tx = tx;
    }

    @DeleteMapping("/api/collections/{collection}/truncate")
    ResponseEntity<Void> truncate(HttpServletRequest request, @PathVariable String collection) {
        Caller.of(request).requireSuperuser();
        Collection c = collections.find(collection).orElseThrow(ApiException::notFound);
        if (c.isView()) {
            throw RecordErrors.TRUNCATE_VIEW.exception();
        }
        if (c.system()) {
            throw RecordErrors.TRUNCATE_SYSTEM.exception();
        }
        Condition batch = RecordTables.id(c).in(DSL.select(RecordTables.id(c)).from(RecordTables.table(c))
                .limit(DSL.inline(TRUNCATE_BATCH)));
        try {
            tx.executeWithoutResult(status -> {
                int deleted;
                do { // each round deletes its rows (and what cascades from them); the next finds the rest
                    deleted = relations.delete(c, batch).size();
                } while (deleted > 0);
            });
        } catch (ApiException e) {
            if (e.is(RecordErrors.DELETE_REQUIRED_REFERENCE)) {
                throw RecordErrors.TRUNCATE_REQUIRED_REFERENCE.exception();
            }
            throw e;
        }
        return ResponseEntity.noContent().build();
    }
}
