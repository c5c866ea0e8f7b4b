package dev.basalt.query;

/**
 * One page of results. Out-of-range values are normalized as PocketBase does: a page below 1 becomes 1, a perPage
 * below 1 becomes {@link QueryLimits#DEFAULT_PER_PAGE}, above {@link QueryLimits#MAX_PER_PAGE} becomes that maximum.
 *
 * @param page    the 1-based page number
 * @param perPage rows per page
 */
public record PageRequest(int page, int perPage) {
    public PageRequest {
        page = Math.max(page, 1);
        if (perPage < 1) {
            perPage = QueryLimits.DEFAULT_PER_PAGE;
        }
        perPage = Math.min(perPage, QueryLimits.MAX_PER_PAGE);
    }

    /** Rows skipped before this page. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
