package dev.basalt.query.internal.ir;

/** A typed value expression of the resolved IR: every operand of a comparison or sort key. */
public sealed interface Term {

    /** The type the term's SQL expression has. */
    Kind kind();

    /** A column of the queried table (or, later, of a joined one). */
    record Column(String table, String column, Kind kind) implements Term {
    }

    /** A column of the table a to-one relation path arrives at; a plan pass turns it into a joined column. */
    record Related(RelationPath path, String column, Kind kind) implements Term {
    }

    /**
     * A bound value. Java types by kind: TEXT String, NUMBER Double, BOOL Boolean, DATE OffsetDateTime (UTC),
     * TEXT_ARRAY String[], NULL null.
     */
    record Value(Object value, Kind kind) implements Term {
        /** True for the values PocketBase treats as empty: null and "". */
        public boolean isEmpty() {
            return value == null || "".equals(value);
        }
    }

    /** The text form of a non-text term: dates as {@code yyyy-MM-dd HH:mm:ss.SSSZ} (UTC), JSON as its scalar text. */
    record TextOf(Term inner) implements Term {
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** {@code lower(text)}. */
    record Lower(Term inner) implements Term {
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** A JSON term's scalar as NUMBER or BOOL; NULL when the JSON value has another type. */
    record JsonScalar(Term json, Kind kind) implements Term {
        public JsonScalar {
            if (kind != Kind.NUMBER && kind != Kind.BOOL) {
                throw new IllegalArgumentException("JSON scalars are NUMBER or BOOL, not " + kind);
            }
        }
    }

    /** The current element of the array source named {@code alias} (see {@link Cond.Quantified}). */
    record Element(String alias) implements Term {
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** The number of elements of an array (0 for NULL). */
    record Length(Term array) implements Term {
        public Kind kind() {
            return Kind.NUMBER;
        }
    }

    /** An array whose empty value is read as one empty element, so {@code = ''} matches it as PocketBase does. */
    record BlankIfEmpty(Term array) implements Term {
        public Kind kind() {
            return Kind.TEXT_ARRAY;
        }
    }

    /** {@code '%' || inner || '%'}: a contains pattern from another column. */
    record ContainsPattern(Term inner) implements Term {
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** {@code coalesce(inner, '')}. */
    record EmptyIfNull(Term inner) implements Term {
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** The JSON value at {@code keys} inside a JSON term (object keys, or array indexes as digits); NULL when absent. */
    record JsonMember(Term json, java.util.List<String> keys) implements Term {
        public JsonMember {
            keys = java.util.List.copyOf(keys);
        }

        public Kind kind() {
            return Kind.JSON;
        }
    }

    /**
     * {@code geoDistance(lonA, latA, lonB, latB)}: the great-circle (haversine) distance in kilometres between two
     * points in degrees; every argument is a NUMBER term, and the result is NULL when one of them is NULL.
     */
    record GeoDistance(Term lonA, Term latA, Term lonB, Term latB) implements Term {
        public Kind kind() {
            return Kind.NUMBER;
        }
    }

    /**
     * {@code strftime(format, time, modifiers...)}: the DATE term {@code time} moved by {@code steps} (in UTC) and
     * written as {@code format}; NULL when {@code time} is NULL.
     */
    record Strftime(java.util.List<TimeFormat.Part> format, Term time, java.util.List<TimeStep> steps)
            implements Term {
        public Strftime {
            format = java.util.List.copyOf(format);
            steps = java.util.List.copyOf(steps);
        }

        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /** A NUMBER term read as a point in time: a Julian day number (SQLite's default) or Unix seconds. */
    record TimeOfNumber(Term number, Epoch epoch) implements Term {
        /** How the number counts time; {@code AUTO} reads 0 to 5373484.5 as Julian days, others as Unix seconds. */
        public enum Epoch {
            JULIAN, UNIX, AUTO
        }

        public Kind kind() {
            return Kind.DATE;
        }
    }

    /**
     * A value the caller may read only on rows where the BOOL {@code shown} is true (an auth record's email and its
     * {@code emailVisibility}): NULL elsewhere. Comparisons never keep it: they compare {@code value} and require
     * {@code shown} (see the resolver's comparisons), as PocketBase does; sorts read it as written.
     */
    record Masked(Term value, Term shown) implements Term {
        public Kind kind() {
            return value.kind();
        }
    }

    /** {@code random()}, for sorting. */
    record Random() implements Term {
        public Kind kind() {
            return Kind.NUMBER;
        }
    }

    /** True for bound values, lowercased or not: terms known before the query runs. */
    static boolean isBound(Term t) {
        return t instanceof Value || (t instanceof Lower l && l.inner() instanceof Value);
    }

    /** True when the term is a bound empty value (null or ""), possibly lowercased. */
    static boolean isEmptyValue(Term t) {
        return switch (t) {
            case Value v -> v.isEmpty();
            case Lower l -> isEmptyValue(l.inner());
            default -> false;
        };
    }
}
