/** Records of a collection: the records REST API, validation of submitted values and PocketBase's record JSON. */
package dev.basalt.records;
