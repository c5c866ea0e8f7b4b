/** Collections: the schema registry, field types, table DDL and the collections API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cluster", "database", "query", "shared"})
package dev.basalt.collections;
