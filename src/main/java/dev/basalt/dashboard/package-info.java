/**
 * The admin dashboard at {@code /_/}: static ES modules (Lit from webjars, served under {@code /_/lib/}) that are
 * a client of the public HTTP API only, as PocketBase's dashboard is. Nothing else depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.basalt.dashboard;
