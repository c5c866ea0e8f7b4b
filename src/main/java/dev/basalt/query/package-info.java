/**
 * PocketBase's filter and sort language compiled to jOOQ: {@link dev.basalt.query.QueryCompiler} parses, resolves and
 * plans a {@link dev.basalt.query.QuerySpec} into a {@link dev.basalt.query.QueryPlan};
 * {@link dev.basalt.query.PlanRenderer} turns the plan into SQL with every value bound.
 * General machinery: this module knows tables and columns, never collections or HTTP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package dev.basalt.query;
