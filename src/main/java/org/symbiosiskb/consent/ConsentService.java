package org.symbiosiskb.consent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;

/**
 * Consents (docs/partners.md, "Consent"): a partner accepts or ends another partner's record that joins or uses
 * one of its own. Written through the exchange rules like every record, so a consent from a mutation, a
 * document or a harvest is the same thing and changes the same links.
 */
@Service
public class ConsentService {

    private final ConsentRepository repository;
    private final RecordService records;

    ConsentService(ConsentRepository repository, RecordService records) {
        this.repository = repository;
        this.records = records;
    }

    /** The partner's decision on the record; ACCEPTED pins the record's current terms. */
    public Consent decide(String partner, String record, String decision) {
        var input = new LinkedHashMap<String, Object>();
        input.put("partner", partner);
        input.put("record", record);
        input.put("decision", decision);
        return set(input);
    }

    Consent set(Map<String, Object> input) {
        var consent = new LinkedHashMap<String, Object>(input);
        consent.put("partner", partnerOf(input.get("partner")));
        consent.remove("terms"); // a mutation accepts the record as it stands; documents may state terms
        return repository.consent(records.put("consents", consent)).orElseThrow();
    }

    boolean delete(String partner, String record) {
        return records.delete("consents", Map.of("partner", partnerOf(partner), "record", record));
    }

    Map<String, List<LinkConsent>> linksOf(Collection<String> recordIds) {
        return repository.linksOfRecords(recordIds);
    }

    Map<String, List<LinkConsent>> linksOfFlows(Collection<String> flowIds) {
        return repository.linksOfFlows(flowIds);
    }

    /** The links waiting for a partner's consent (or ended by it): its own inbox, or any partner's for an administrator. */
    List<ConsentRequest> requests(String partner, String state, int first) {
        String whose = partnerOf(partner);
        Caller caller = Callers.current();
        if (!caller.local() && !caller.admin() && !whose.equals(caller.partner())) {
            throw new ForbiddenException(caller.describe() + " may list only the consents its own partner is asked for, not " + whose + "'s");
        }
        return repository.requests(whose, state, first);
    }

    /** The caller's own partner when none is given; in local mode (every partner at once) it must be given. */
    private static String partnerOf(Object given) {
        if (given instanceof String partner && !partner.isBlank()) {
            return partner;
        }
        String own = Callers.current().partner();
        if (own == null) {
            throw new BadRequestException("partner: say which partner (local mode acts for every partner; an anonymous client is none)");
        }
        return own;
    }
}
