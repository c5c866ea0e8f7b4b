package dev.basalt.collections.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules shared by collection and field names, which become PostgreSQL table and column names. */
final class Identifiers {
    /** PostgreSQL truncates longer identifiers, so longer names are refused. */
    static final int MAX_BYTES = 63;
    /** Letters, digits and underscores only (ASCII, as PocketBase's {@code ^\w+$}). */
    static final Pattern NAME = Pattern.compile("^\\w+$");

    private Identifiers() {
    }

    /** The message for an invalid name, or null when it is valid. */
    static String check(String name, int maxLength) {
        if (name.length() > maxLength) {
            return "The length must be between 1 and " + maxLength + ".";
        }
        if (!NAME.matcher(name).matches()) {
            return "Must be in a valid format (letters, digits and underscores only).";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "The length must be no more than " + MAX_BYTES + " bytes.";
        }
        if (name.toLowerCase(Locale.ROOT).contains("_via_")) {
            return "The value cannot contain \"_via_\".";
        }
        return null;
    }

    /** The error code for the message {@link #check} returned. */
    static String errorCode(String name, int maxLength) {
        if (name.length() > maxLength || name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "validation_length_out_of_range";
        }
        if (!NAME.matcher(name).matches()) {
            return "validation_match_invalid";
        }
        return "validation_found_via";
    }
}
