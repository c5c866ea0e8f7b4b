package dev.basalt.records;

/**
 * What a record response should look like: the {@code fields} selection and the relations to {@code expand}, as
 * a request's query gives them (either may be null for "as stored, nothing expanded"). Every response that returns
 * a record (view, create, update, batch, auth) takes one, so none of them forgets a parameter.
 *
 * @param fields the {@code fields} query parameter, or null
 * @param expand the {@code expand} query parameter, or null
 */
public record ResponseShape(String fields, String expand) {
    /** All fields, nothing expanded. */
    public static final ResponseShape PLAIN = new ResponseShape(null, null);

    /** The shape a request's query asks for. */
    public static ResponseShape of(String fields, String expand) {
        return new ResponseShape(fields, expand);
    }
}
