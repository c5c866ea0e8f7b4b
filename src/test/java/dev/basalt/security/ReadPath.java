package dev.basalt.security;

/**
 * Every way a caller can read a value through another row: relation paths, back-relations, {@code @collection},
 * sorts, realtime filters, expand and {@code fields}, for each kind of protected value. {@link ReadPathOraclesTest}
 * asks each one yes/no questions about the value; its switch over this enum is exhaustive, so a new read path does
 * not compile until it has its probes.
 */
enum ReadPath {
    RELATION_FILTER(Protected.LISTED_ROW, true),
    BACK_RELATION_FILTER(Protected.LISTED_ROW, true),
    COLLECTION_FILTER(Protected.LISTED_ROW, true),
    RELATION_SORT(Protected.LISTED_ROW, false),
    REALTIME_FILTER(Protected.LISTED_ROW, false),
    EXPAND(Protected.LISTED_ROW, true),
    EXPAND_FIELDS(Protected.LISTED_ROW, true),
    EMAIL_FILTER(Protected.EMAIL, true),
    EMAIL_LOWER_FILTER(Protected.EMAIL, true),
    EMAIL_RELATION_FILTER(Protected.EMAIL, true),
    EMAIL_COLLECTION_FILTER(Protected.EMAIL, true),
    EMAIL_REALTIME_FILTER(Protected.EMAIL, false),
    EMAIL_EXPAND(Protected.EMAIL, true),
    HIDDEN_FILTER(Protected.HIDDEN_FIELD, true),
    HIDDEN_RELATION_FILTER(Protected.HIDDEN_FIELD, true),
    HIDDEN_COLLECTION_FILTER(Protected.HIDDEN_FIELD, true),
    HIDDEN_SORT(Protected.HIDDEN_FIELD, false),
    HIDDEN_REALTIME_FILTER(Protected.HIDDEN_FIELD, false),
    HIDDEN_EXPAND(Protected.HIDDEN_FIELD, true),
    HIDDEN_FIELDS(Protected.HIDDEN_FIELD, true);

    /** What the path is probed for. */
    enum Protected {
        /** A field of a record the target collection's listRule hides from the caller (Ann's note's secret). */
        LISTED_ROW,
        /** An auth record's email whose {@code emailVisibility} is false (Ann's). */
        EMAIL,
        /** A {@code hidden: true} field (Ann's hint). */
        HIDDEN_FIELD
    }

    final Protected value;
    /** True when one probe is a single cheap request (used to measure extraction). */
    final boolean prefixOracle;

    ReadPath(Protected value, boolean prefixOracle) {
        this.value = value;
        this.prefixOracle = prefixOracle;
    }
}
