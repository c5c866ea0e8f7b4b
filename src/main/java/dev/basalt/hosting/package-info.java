/**
 * Hosting a front end and the transport around the API: the public directory served at {@code /} (PocketBase's
 * {@code pb_public}, here {@code basalt_public}), and the plain-HTTP listener that redirects to HTTPS when Basalt
 * serves TLS. Nothing here is called by other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package dev.basalt.hosting;
