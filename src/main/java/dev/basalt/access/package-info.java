/** Access rules: what a collection's list/view/create/update/delete rules mean for a caller. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"collections", "query", "shared"})
package dev.basalt.access;
