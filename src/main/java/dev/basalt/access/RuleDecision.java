package dev.basalt.access;

/**
 * What a rule means for one caller: allowed outright, denied outright (a {@code null} rule for a
 * non-superuser), or allowed for the rows matching a filter expression.
 */
public sealed interface RuleDecision {

    /** No restriction: a superuser, or an empty rule. */
    record Allow() implements RuleDecision {
    }

    /** Superusers only: answer 403. */
    record SuperusersOnly() implements RuleDecision {
    }

    /** Only rows matching {@code expression} (compiled with hidden fields allowed). */
    record Filter(String expression) implements RuleDecision {
    }
}
