/** The field types of a collection: one class per type behind the sealed {@link dev.basalt.collections.fields.Field}. */
@org.springframework.modulith.NamedInterface("fields")
package dev.basalt.collections.fields;
