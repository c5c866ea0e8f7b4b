/**
 * Files of {@code file} fields: where their bytes live ({@link dev.basalt.files.FileStorage}: the local disk
 * under the data directory, or an S3-compatible bucket), uploads on record writes (through the records module's
 * {@code RecordFiles} hook), {@code GET /api/files/...} with thumbnails, and file tokens for protected files.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "auth", "collections", "collections :: fields", "records", "settings", "shared"})
package dev.basalt.files;
