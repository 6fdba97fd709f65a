package org.symbiosiskb.security;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.symbiosiskb.api.ForbiddenException;

/**
 * The one rule every write path applies (mutations, the exchange import, harvesting): a partner
 * writes only its own records, and only with an EDITOR or ADMIN key. The records of a partner this
 * instance harvests from a peer are read-only here for everyone, local mode included: their owner
 * changes them at the source, and the next pull brings the change.
 */
@Component
public class Writes {

    /** Partners whose records this instance harvests (implemented by federation's configuration). */
    public interface HarvestedPartners {
        Set<String> harvested();
    }

    /**
     * Partners whose records are reference data shipped with the service (the calculator's factor sets, partner
     * kb): read-only for every caller, local mode included; the service loads them at start as a harvest of that
     * partner, the only writer.
     */
    public interface ReferencePartners {
        Set<String> reference();
    }

    private final ObjectProvider<HarvestedPartners> harvested;
    private final ObjectProvider<ReferencePartners> reference;

    Writes(ObjectProvider<HarvestedPartners> harvested, ObjectProvider<ReferencePartners> reference) {
        this.harvested = harvested;
        this.reference = reference;
    }

    /** A whole document (or one record) of this partner's namespace, written by the current caller. */
    public void requirePartner(String partner) {
        Caller caller = Callers.current();
        boolean isHarvested = harvested.stream().anyMatch(h -> h.harvested().contains(partner));
        if (caller.harvester()) {
            if (!partner.equals(caller.partner())) {
                throw new ForbiddenException("a pull from the peer of partner " + caller.partner() + " may hold only that partner's records, not " + partner + "'s");
            }
            return;
        }
        if (reference.stream().anyMatch(r -> r.reference().contains(partner))) {
            throw new ForbiddenException("records of partner " + partner + " are reference data shipped with the service and read-only; "
                    + "publish your own under your partner prefix (a factor set of your own, for instance)");
        }
        if (isHarvested) {
            throw new ForbiddenException("records of partner " + partner + " are harvested from its own instance and read-only here; "
                    + "change them there and pull again");
        }
        if (caller.local()) {
            return;
        }
        if (!caller.role().writes()) {
            throw new ForbiddenException(caller.describe() + " may not write: writing needs an EDITOR or ADMIN key");
        }
        if (!partner.equals(caller.partner())) {
            throw new ForbiddenException(caller.describe() + " may write only its own records (ids under \"" + caller.partner()
                    + ":\"), not those of partner " + partner);
        }
    }

    /** For a caller's listing: the partners that are read-only here. */
    public List<String> harvestedPartners() {
        return harvested.stream().flatMap(h -> h.harvested().stream()).sorted().toList();
    }
}
