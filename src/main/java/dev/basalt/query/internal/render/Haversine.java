package dev.basalt.query.internal.render;

import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The haversine great-circle distance in SQL, as PocketBase's {@code geoDistance}: kilometres on a sphere of radius
 * {@value #EARTH_RADIUS_KM} km between two points given in degrees. The term under the square root is capped at 1
 * so that rounding can never push {@code asin} out of its domain (which would make PostgreSQL fail the query).
 */
final class Haversine {
    /** The mean Earth radius PocketBase uses, in kilometres. */
    static final double EARTH_RADIUS_KM = 6371;

    private Haversine() {
    }

    /** {@code 2 R asin(sqrt(sin²(Δlat/2) + cos(latA) cos(latB) sin²(Δlon/2)))}, NULL when any input is NULL. */
    static Field<Double> kilometres(Field<Double> lonA, Field<Double> latA, Field<Double> lonB, Field<Double> latB) {
        Field<java.math.BigDecimal> phiA = DSL.rad(latA);
        Field<java.math.BigDecimal> phiB = DSL.rad(latB);
        Field<java.math.BigDecimal> halfDeltaPhi = DSL.rad(latB.minus(latA)).div(DSL.inline(2));
        Field<java.math.BigDecimal> halfDeltaLambda = DSL.rad(lonB.minus(lonA)).div(DSL.inline(2));
        Field<java.math.BigDecimal> a = DSL.power(DSL.sin(halfDeltaPhi), DSL.inline(2))
                .plus(DSL.cos(phiA).times(DSL.cos(phiB)).times(DSL.power(DSL.sin(halfDeltaLambda), DSL.inline(2))));
        Field<java.math.BigDecimal> capped = DSL.least(DSL.sqrt(a), DSL.inline(java.math.BigDecimal.ONE));
        return DSL.inline(2 * EARTH_RADIUS_KM).times(DSL.asin(capped).cast(Double.class));
    }
}
