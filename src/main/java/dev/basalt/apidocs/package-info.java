/**
 * API docs: an OpenAPI 3.1 document generated from the live collections for the caller (guest, signed-in user or
 * superuser), and the Swagger UI and ReDoc pages that read it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "collections", "collections :: fields", "query", "shared"})
package dev.basalt.apidocs;
