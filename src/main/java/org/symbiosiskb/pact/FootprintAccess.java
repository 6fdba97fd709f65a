package org.symbiosiskb.pact;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.symbiosiskb.emissions.AnalyticsService;
import org.symbiosiskb.emissions.AnalyticsService.ProcessYear;
import org.symbiosiskb.security.Callers;

/**
 * Which footprints the caller may see (docs/partners.md, "What an answer shows"; PACT hosts SHOULD return only what the
 * data owner granted the recipient): a computed footprint's figures are the trace totals of its process and
 * year, so it is listed only where the caller may see those ({@link AnalyticsService#footprintsShown}, which asks
 * security.Disclosure); another partner's PRIVATE process is therefore never listed, only what its owner
 * published. Published footprints are published to be used: any partner's key sees them, as the exchange
 * export gives them. Anonymous clients get no token, so never reach here.
 */
@Component
class FootprintAccess {

    private final AnalyticsService analytics;

    FootprintAccess(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    /** The ids of these versions the current caller may see. */
    Set<String> visible(Collection<FootprintVersions.Version> versions) {
        if (!Callers.current().authenticated()) {
            return Set.of();
        }
        List<ProcessYear> computed = versions.stream().filter(v -> FootprintSource.COMPUTED.equals(v.kind()))
                .map(v -> new ProcessYear(v.record(), v.year())).distinct().toList();
        Set<ProcessYear> shown = computed.isEmpty() ? Set.of() : analytics.footprintsShown(computed);
        var visible = new HashSet<String>();
        for (var v : versions) {
            if (!FootprintSource.COMPUTED.equals(v.kind()) || shown.contains(new ProcessYear(v.record(), v.year()))) {
                visible.add(v.id());
            }
        }
        return visible;
    }
}
