package dev.basalt.query;

/**
 * A filter expression to apply.
 *
 * @param expression  the PocketBase filter text; null or blank applies no condition
 * @param allowHidden whether hidden columns may be used (true for rules and superusers)
 * @param paramName   the key of the error data when the expression is invalid, e.g. {@code filter} or {@code listRule}
 */
public record FilterInput(String expression, boolean allowHidden, String paramName) {
    /** The request parameter name of client filters. */
    public static final String FILTER_PARAM = "filter";

    public FilterInput {
        paramName = paramName == null || paramName.isBlank() ? FILTER_PARAM : paramName;
    }

    /** A client's {@code filter} parameter: hidden columns not allowed. */
    public static FilterInput filter(String expression) {
        return new FilterInput(expression, false, FILTER_PARAM);
    }

    /** A collection rule: hidden columns allowed; errors are reported under the rule's name. */
    public static FilterInput rule(String expression, String ruleName) {
        return new FilterInput(expression, true, ruleName);
    }

    /** True when there is nothing to apply. */
    public boolean isBlank() {
        return expression == null || expression.isBlank();
    }
}
