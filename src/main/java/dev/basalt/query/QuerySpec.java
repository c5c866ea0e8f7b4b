package dev.basalt.query;

import java.util.List;
import java.util.Objects;

/**
 * Everything a list or view query needs.
 *
 * @param schema          the queried table
 * @param select          the column names to fetch, in order (empty: every column)
 * @param filters         filter expressions, all of which must match (blank ones are ignored)
 * @param sort            PocketBase's sort expression ({@code -created,title,@random}); null or blank for none
 * @param sortAllowHidden whether the sort may use hidden columns
 * @param page            the page to fetch; null for no limit
 * @param request         values for {@code @request.*}, placeholders and the macros' clock
 * @param catalog         the tables relation paths reach
 */
public record QuerySpec(TableSchema schema, List<String> select, List<FilterInput> filters, String sort,
                        boolean sortAllowHidden, PageRequest page, RequestContext request, TableCatalog catalog) {
    public QuerySpec {
        Objects.requireNonNull(schema, "schema");
        select = select == null ? List.of() : List.copyOf(select);
        filters = filters == null ? List.of() : List.copyOf(filters);
        request = request == null ? RequestContext.anonymous() : request;
        catalog = catalog == null ? TableCatalog.EMPTY : catalog;
    }

    /** A spec without related tables. */
    public QuerySpec(TableSchema schema, List<String> select, List<FilterInput> filters, String sort,
                     boolean sortAllowHidden, PageRequest page, RequestContext request) {
        this(schema, select, filters, sort, sortAllowHidden, page, request, TableCatalog.EMPTY);
    }
}
