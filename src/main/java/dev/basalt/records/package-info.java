/** Records of a collection: the records REST API, validation of submitted values and PocketBase's record JSON. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "access", "cluster", "collections", "collections :: fields", "query", "realtime", "shared"})
package dev.basalt.records;
