package org.symbiosiskb.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns the {@code first}/{@code after} arguments of a list field into a {@link PageRequest}, enforcing the page size cap. */
@Component
public class Paging {

    private final int defaultSize;
    private final int maxSize;

    Paging(@Value("${kb.api.default-page-size:20}") int defaultSize, @Value("${kb.api.max-page-size:500}") int maxSize) {
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    public PageRequest page(Integer first, String after) {
        int size = first == null ? defaultSize : first;
        if (size < 0) {
            throw new BadRequestException("first: must be 0 or more, found " + size);
        }
        if (size > maxSize) {
            throw new BadRequestException("first: " + size + " is over the page size limit of " + maxSize
                    + " (kb.api.max-page-size); page with `after`");
        }
        return new PageRequest(size, after == null ? null : Cursors.decode(after));
    }
}
