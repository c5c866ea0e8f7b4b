package dev.basalt.query;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import java.util.Map;

/**
 * An invalid filter or sort expression: a 400 whose message names the offending token and its position (a 0-based
 * character offset into the expression), with the same message under the parameter's key in the error data.
 */
public final class QueryException extends ApiException {
    /** Error code of an invalid filter or rule. */
    public static final String INVALID_FILTER = "validation_invalid_filter";
    /** Error code of an invalid sort. */
    public static final String INVALID_SORT = "validation_invalid_sort";
    /** Error data key of an invalid sort. */
    public static final String SORT_PARAM = "sort";

    private final String parameter;
    private final int position;

    private QueryException(String parameter, String code, String message, int position) {
        super(400, message, Map.of(parameter, new FieldError(code, message)));
        this.parameter = parameter;
        this.position = position;
    }

    /** An invalid filter expression given as {@code parameter}; position -1 when the error has none. */
    public static QueryException filter(String parameter, String detail, int position) {
        return new QueryException(parameter, INVALID_FILTER, message("filter", detail, position), position);
    }

    /** An invalid sort expression; position -1 when the error has none. */
    public static QueryException sort(String detail, int position) {
        return new QueryException(SORT_PARAM, INVALID_SORT, message("sort", detail, position), position);
    }

    private static String message(String what, String detail, int position) {
        return "Invalid " + what + ": " + detail + (position >= 0 ? " at position " + position : "") + ".";
    }

    /** The parameter (error data key) the expression came from. */
    public String parameter() {
        return parameter;
    }

    /** The 0-based offset of the offending token, or -1. */
    public int position() {
        return position;
    }
}
