package dev.basalt.files.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.ViewSources;
import dev.basalt.collections.fields.FileField;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Where the file of a view record is stored (as PocketBase's {@code FindRecordByViewFile}): a view stores nothing,
 * so its file field is followed back to the table-backed collection and field it reads, and the first record of
 * that collection holding the (random, practically unique) file name owns the file.
 */
@Component
class ViewFileOrigins {
    /** The collection and record under whose folder a file is stored. */
    record Owner(Collection collection, String recordId) {
    }

    private final ViewSources sources;
    private final RecordReads store;

    ViewFileOrigins(ViewSources sources, RecordReads store) {
        this.sources = sources;
        this.store = store;
    }

    /** The owner of {@code filename} held by {@code field} of {@code view}; empty when none can be found. */
    Optional<Owner> owner(Collection view, FileField field, String filename) {
        return sources.origin(view, field.name())
                .filter(source -> source.field() instanceof FileField)
                .flatMap(source -> store.findWhere(source.collection(), holding(source, filename))
                        .map(row -> new Owner(source.collection(), row.id())));
    }

    private static Condition holding(ViewSources.Source source, String filename) {
        org.jooq.Field<Object> column = RecordTables.column(source.collection(), source.field());
        if (((FileField) source.field()).multiple()) {
            return DSL.condition("{0} = ANY({1})", DSL.val(filename), column);
        }
        return column.eq(filename);
    }
}
