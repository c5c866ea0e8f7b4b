package dev.basalt.collections.fields;

/** Prints numbers as PocketBase does: whole numbers without a fraction. */
public final class Numbers {
    private Numbers() {
    }

    /** The JSON value for a stored double: a Long when it is whole and safely representable. */
    public static Object json(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            return (long) d;
        }
        return d;
    }

    static String format(double d) {
        return String.valueOf(json(d));
    }
}
