/**
 * The application settings (PocketBase's {@code /api/settings}): their shape, validation, storage in
 * {@code _params} (sealed with the encryption key when one is set), the environment variables that override them,
 * and the cluster-wide version that makes every node see a change at once. Domain modules read them through
 * {@link dev.basalt.settings.SettingsStore}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"cluster", "records", "shared"})
package dev.basalt.settings;
