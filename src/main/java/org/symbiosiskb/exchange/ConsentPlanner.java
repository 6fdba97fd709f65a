package org.symbiosiskb.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.Problem;
import org.symbiosiskb.exchange.Consents.Decision;
import org.symbiosiskb.exchange.Consents.Link;
import org.symbiosiskb.exchange.Consents.State;
import org.symbiosiskb.graph.Cypher;

/**
 * The consent part of planning an import: the state of every consent-gated link the document writes
 * (its own records' links to other partners' records) or changes (the records its consents are about),
 * from the consents in the document and in the graph. Consents without {@code terms} get the terms of the
 * record as it stands: the partner accepts what it sees.
 */
@Component
class ConsentPlanner {

    static final String CONSENTS_BY_KEY = """
            UNWIND $keys AS key
            MATCH (c:Consent {id: key})
            RETURN key, c.decision AS decision, c.terms AS terms
            """;

    /**
     * What the consents of a plan decide.
     *
     * @param records  the document's records, consents completed with their terms
     * @param targets  the records (already in the graph) that the document's consents are about, by key
     * @param states   for every record written or targeted: the state of its links per other partner
     */
    record Plan(List<ExchangeRecord> records, Map<String, ExchangeRecord> targets, Map<String, Map<String, State>> states) {

        static final Plan NONE = new Plan(List.of(), Map.of(), Map.of());

        Map<String, State> of(String key) {
            return states.getOrDefault(key, Map.of());
        }

        /** The relationship type and markers of a link of {@code key} to a record of {@code partner}. */
        State state(String key, String partner) {
            return of(key).getOrDefault(partner, State.AGREED);
        }

        /** For an offset agreement: its status as it counts, and the partners it still waits for. */
        String effectiveStatus(ExchangeRecord agreement) {
            return Consents.effectiveStatus(agreement.string("status"), of(agreement.key()).values());
        }

        List<String> awaiting(String key) {
            return of(key).entrySet().stream().filter(e -> e.getValue() == State.AWAITING).map(Map.Entry::getKey).sorted().toList();
        }

        /**
         * Whether an item counts against its group's capacity: what the group's owner has committed to. A flow
         * from the owner's stream into another partner's process counts while it waits for the consumer; a flow
         * another partner asks to take counts once the stream's owner accepted it. An agreement counts when the
         * sink's side is agreed and it is ACTIVE, or awaits only its buyer. (The same rule in Cypher:
         * ImportPlanner.FLOWS_FROM_STREAMS and AGREEMENTS_ON_SINKS.)
         */
        boolean committed(ExchangeRecord item) {
            var states = of(item.key());
            if (item.type().isFlow()) {
                State stream = states.get(Ids.partnerOf(item.string("sideStream")));
                State consumer = states.get(Ids.partnerOf(item.string("consumer")));
                if (stream != null) {
                    return stream == State.AGREED;
                }
                return consumer != State.ENDED;
            }
            if (item.type() == RecordTypes.OFFSET_AGREEMENTS) {
                State sink = states.get(Ids.partnerOf(item.string("sink")));
                if (sink != null && sink != State.AGREED) {
                    return false;
                }
                String effective = effectiveStatus(item);
                return effective.equals("ACTIVE") || (effective.equals("PROPOSED") && states.containsValue(State.AWAITING));
            }
            return true;
        }
    }

    private final Cypher cypher;
    private final GraphRecords graphRecords;

    ConsentPlanner(Cypher cypher, GraphRecords graphRecords) {
        this.cypher = cypher.unguarded(); // planning sees the graph as it is
        this.graphRecords = graphRecords;
    }

    Plan plan(List<ExchangeRecord> records, boolean harvesting, List<Problem> problems) {
        var consents = records.stream().filter(r -> r.type() == RecordTypes.CONSENTS).toList();
        var targets = targets(consents);
        var completed = new ArrayList<ExchangeRecord>(records.size());
        var decided = new HashMap<String, Decision>(); // consent key → the document's decision (null: withdrawn)
        for (ExchangeRecord r : records) {
            if (r.type() != RecordTypes.CONSENTS) {
                completed.add(r);
                continue;
            }
            ExchangeRecord consent = r.deleted() ? r : complete(r, targets.get(r.string("record")), harvesting, problems);
            completed.add(consent);
            decided.put(consent.key(), consent.deleted() ? null : new Decision(consent.string("decision"), consent.string("terms")));
        }
        // every record whose links the document writes or whose consents it changes
        var subjects = new LinkedHashMap<String, ExchangeRecord>();
        completed.stream().filter(r -> !r.deleted() && r.type() != RecordTypes.CONSENTS).forEach(r -> subjects.put(r.key(), r));
        subjects.putAll(targets);
        var links = new LinkedHashMap<String, List<Link>>();
        var keys = new ArrayList<String>();
        subjects.forEach((key, r) -> {
            var ofRecord = Consents.links(r.type(), key, r.fields());
            if (!ofRecord.isEmpty()) {
                links.put(key, ofRecord);
                ofRecord.stream().map(l -> consentKey(l.partner(), key)).distinct().forEach(keys::add);
            }
        });
        var stored = stored(keys);
        var states = new HashMap<String, Map<String, State>>();
        links.forEach((key, ofRecord) -> {
            ExchangeRecord r = subjects.get(key);
            var byPartner = new TreeMap<String, State>();
            for (Link link : ofRecord) {
                String consentKey = consentKey(link.partner(), key);
                Decision decision = decided.containsKey(consentKey) ? decided.get(consentKey) : stored.get(consentKey);
                byPartner.put(link.partner(), Consents.state(decision, Consents.terms(r.type(), r.fields(), link.partner())));
            }
            states.put(key, byPartner);
        });
        return new Plan(completed, targets, states);
    }

    static String consentKey(String partner, String record) {
        return RecordTypes.CONSENTS.keyOf(Map.of("partner", partner, "record", record));
    }

    /** A consent without terms accepts the record as it stands; a consent must be about a link to the partner's records. */
    private static ExchangeRecord complete(ExchangeRecord consent, ExchangeRecord target, boolean harvesting, List<Problem> problems) {
        String partner = consent.string("partner");
        String record = consent.string("record");
        if (target == null) {
            if (consent.string("terms") == null && "ACCEPTED".equals(consent.string("decision"))) {
                problems.add(new Problem(consent.pointer() + "/record", "no record " + record + " here to accept; a consent to a "
                        + "record that has not arrived yet states the terms it accepts"));
            }
            return consent;
        }
        boolean linked = Consents.links(target.type(), target.key(), target.fields()).stream().anyMatch(l -> l.partner().equals(partner));
        if (!linked && !harvesting) {
            problems.add(new Problem(consent.pointer() + "/record", record + " has no link to partner " + partner
                    + "'s records that needs its consent (only a park's, network's, sink's, stream's or buyer's owner consents)"));
            return consent;
        }
        if (consent.string("terms") != null) {
            return consent;
        }
        var fields = new LinkedHashMap<String, Object>(consent.fields());
        fields.put("terms", Consents.terms(target.type(), target.fields(), partner));
        return new ExchangeRecord(consent.type(), consent.key(), fields, false, consent.pointer());
    }

    /** The records (nodes or flows) the consents are about, as the graph holds them. */
    private Map<String, ExchangeRecord> targets(List<ExchangeRecord> consents) {
        var ids = consents.stream().map(c -> c.string("record")).distinct().toList();
        var found = new LinkedHashMap<String, ExchangeRecord>();
        if (ids.isEmpty()) {
            return found;
        }
        var pointers = new HashMap<String, String>();
        consents.forEach(c -> pointers.putIfAbsent(c.string("record"), c.pointer()));
        var labels = new HashMap<String, String>();
        cypher.list(ImportPlanner.LOOKUP, Map.of("ids", ids), row -> {
            if (!row.get("placeholder").asBoolean()) {
                labels.put(row.get("id").asString(), row.get("label").asString(null));
            }
            return row;
        });
        var byType = new HashMap<RecordType, List<String>>();
        for (String id : ids) {
            RecordType type = labels.containsKey(id) ? RecordTypes.byLabel(labels.get(id)).orElse(null) : RecordTypes.FLOWS;
            if (type != null) {
                byType.computeIfAbsent(type, k -> new ArrayList<>()).add(id);
            }
        }
        byType.forEach((type, ofType) -> graphRecords.byKeys(type, ofType).forEach((key, fields) ->
                found.put(key, new ExchangeRecord(type, key, fields, false, pointers.get(key)))));
        return found;
    }

    private Map<String, Decision> stored(List<String> keys) {
        var stored = new HashMap<String, Decision>();
        if (!keys.isEmpty()) {
            cypher.list(CONSENTS_BY_KEY, Map.of("keys", keys), row -> stored.put(row.get("key").asString(),
                    new Decision(row.get("decision").asString(), row.get("terms").asString(null))));
        }
        return stored;
    }
}
