package dev.basalt.records;

import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * A condition of a fixed shape with one bound string that a by-id read must also meet (e.g. "the token's session is
 * live"), for {@link RecordReads#findById(dev.basalt.collections.Collection, String, RowGuard, String)}: the read is
 * rendered once per collection version and guard, as the plain by-id read. Guards are constants (compared by
 * identity); {@code condition} receives the bind parameter that carries the value and must bind nothing else.
 *
 * @param name      for messages only
 * @param condition builds the condition around the value's bind parameter
 */
public record RowGuard(String name, Function<Field<String>, Condition> condition) {
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
