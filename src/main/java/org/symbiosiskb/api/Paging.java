package org.symbiosiskb.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code first}/{@code after} arguments of a list field into a {@link PageRequest},
 * enforcing the page size cap ({@code kb.limits.max-page-size}). GraphQL operations are refused
 * over the cap before anything is fetched ({@link QueryLimitsInstrumentation}); this check is the
 * same rule for every other caller.
 */
@Component
public class Paging {

    private final int defaultSize;
    private final int maxSize;

    Paging(@Value("${kb.api.default-page-size:20}") int defaultSize, QueryLimits limits) {
        this.defaultSize = defaultSize;
        this.maxSize = limits.maxPageSize();
    }

    public PageRequest page(Integer first, String after) {
        int size = first == null ? defaultSize : first;
        if (size < 0) {
            throw new BadRequestException("first: must be 0 or more, found " + size);
        }
        if (size > maxSize) {
            throw new BadRequestException(QueryLimits.exceeds("first:", size, QueryLimits.MAX_PAGE_SIZE, maxSize) + "; page with `after`");
        }
        return new PageRequest(size, after == null ? null : Cursors.decode(after));
    }

    /** The page size of a list field whose {@code first} is not given. */
    int defaultSize() {
        return defaultSize;
    }
}
