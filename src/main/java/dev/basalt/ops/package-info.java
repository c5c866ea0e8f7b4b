/**
 * Operations: {@code GET /api/health} (PocketBase's health endpoint, backed by a real database probe and, with
 * Redis, its connection), Prometheus metrics at {@code /metrics}, console logging as text or JSON lines, and a clear message when
 * the {@code basalt.*} configuration is invalid. Nothing here is called by other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cluster", "database", "shared"})
package dev.basalt.ops;
