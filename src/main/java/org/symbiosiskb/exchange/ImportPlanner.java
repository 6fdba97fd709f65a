package org.symbiosiskb.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.api.Problem;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.FlowById;
import org.symbiosiskb.security.Callers;
import org.springframework.stereotype.Component;

/**
 * Step 2 and 3 of an import, inside the import's transaction: the checks that need the graph
 * (references, ids taken by another record type, deletions others still depend on, the three
 * capacity rules of docs/spec/model.md), then the plan: created, updated, unchanged, deleted.
 */
@Component
class ImportPlanner {

    private static final int LOOKUP_BATCH = 10_000;
    /** Widest first: a record that moves right in this list is seen by fewer callers. */
    private static final List<String> VISIBILITY_ORDER = List.of("PUBLIC", "NETWORK", "PRIVATE");

    /** The ids the store holds, with their labels, and whether each is a placeholder only. */
    static final String LOOKUP = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})
            RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Record'][0] AS label, n.placeholder IS NOT NULL AS placeholder
            """;
    /**
     * An import's {@link #LOOKUP}, in one row, with the flows of {@code $flows} the store holds (by id: a flow keeps its
     * id when it moves to other ends), and whether the document's partner has any tombstone (the tombstone_partner
     * index): a record the document writes can have one to clear only then, since a partner writes its own keys only
     * and its deletions leave tombstones under its name. One statement for the three, since even a small statement
     * costs about a millisecond in the import's transaction.
     */
    static final String IMPORT_LOOKUP = "CALL () {\n" + LOOKUP + """
            }
            WITH collect({id: id, label: label, placeholder: placeholder}) AS found
            CALL () {
              UNWIND $flows AS id
            """ + FlowById.call("id", "id", "f") + """
              RETURN collect(f.id) AS flows
            }
            RETURN found, flows, EXISTS { MATCH (t:Tombstone) WHERE t.partner = $partner } AS tombstones
            """;
    static final String NODE_DEPENDENTS = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})-[r]-(m:Record)
            WHERE NOT type(r) IN ['SUPPLIES', 'PROPOSED_SUPPLIES', 'REPORTED', 'RELEASED', 'HAS_TARGET']
            RETURN id, replace(type(r), 'PROPOSED_', '') AS type, startNode(r) = n AS fromDeleted, m.id AS dependent,
                   [l IN labels(m) WHERE l <> 'Record'][0] AS label
            """;
    static final String FLOW_DEPENDENTS = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})-[f:SUPPLIES|PROPOSED_SUPPLIES]-()
            RETURN id, f.id AS dependent
            """;
    /** Locks the nodes whose capacity the document uses, so two imports cannot both take the last tonne. */
    static final String LOCK = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})
            SET n.lock = true REMOVE n.lock
            """;
    /**
     * A stream's flows and whether each counts against it: agreed, or proposed by the stream's owner and
     * awaiting only the consumer (the owner has committed to it; ConsentPlanner.Plan.committed).
     */
    static final String FLOWS_FROM_STREAMS = """
            UNWIND $ids AS id
            MATCH (s:SideStream {id: id})
            OPTIONAL MATCH (s)-[f:SUPPLIES|PROPOSED_SUPPLIES]->(c)
            RETURN id, s.quantity AS capacity, s.unit AS unit, s.visibility AS visibility,
                   collect(f {.id, .quantity, .fromYear, .toYear,
                              counts: type(f) = 'SUPPLIES' OR (f.consent = 'AWAITING' AND f.party = split(c.id, ':')[0])}) AS items
            """;
    static final String STREAMS_OF_PROCESSES = """
            UNWIND $ids AS id
            MATCH (p:Process {id: id})
            OPTIONAL MATCH (p)-[:PRODUCES]->(s:SideStream)
            RETURN id, p.outputTonnes AS capacity, 't' AS unit, p.visibility AS visibility,
                   collect(s {.id, .quantity, fromYear: s.year, toYear: s.year, counts: s.unit = 't'}) AS items
            """;
    /**
     * A sink's agreements and whether each counts against it: the sink's side agreed (FROM_SINK, not
     * PROPOSED_FROM_SINK), and ACTIVE or awaiting only its other parties (ConsentPlanner.Plan.committed).
     */
    static final String AGREEMENTS_ON_SINKS = """
            UNWIND $ids AS id
            MATCH (k:CarbonSink {id: id})
            OPTIONAL MATCH (a:OffsetAgreement)-[:FROM_SINK]->(k)
            RETURN id, k.tCO2ePerYear AS capacity, 'tCO2e' AS unit, k.visibility AS visibility,
                   collect(a {.id, quantity: a.tCO2ePerYear, .fromYear, .toYear,
                              counts: a.effectiveStatus = 'ACTIVE' OR (a.effectiveStatus = 'PROPOSED' AND size(coalesce(a.awaiting, [])) > 0)}) AS items
            """;

    private final Cypher cypher;
    private final GraphRecords graphRecords;
    private final ConsentPlanner consents;
    private final org.springframework.beans.factory.ObjectProvider<Derivation> derivations;

    ImportPlanner(Cypher cypher, GraphRecords graphRecords, ConsentPlanner consents,
                  org.springframework.beans.factory.ObjectProvider<Derivation> derivations) {
        this.cypher = cypher.unguarded(); // the exchange pipeline sees the graph as it is; callers get only what GraphRecords filters
        this.graphRecords = graphRecords;
        this.consents = consents;
        this.derivations = derivations;
    }

    ImportPlan plan(DocumentParser.Parsed parsed) {
        var problems = new ArrayList<Problem>();
        boolean harvesting = Callers.current().harvester();
        var consentPlan = consents.plan(parsed.records(), harvesting, problems);
        var doc = new DocumentParser.Parsed(parsed.partner(), consentPlan.records(), parsed.footprints(), parsed.problems());
        var live = new LinkedHashMap<String, ExchangeRecord>();
        var deleting = new HashMap<String, ExchangeRecord>();
        for (ExchangeRecord r : doc.records()) {
            if (r.type().keyedById()) {
                (r.deleted() ? deleting : live).put(r.key(), r);
            }
        }
        var stillReferenced = new TreeSet<String>(); // harvested deletions that the same document still refers to
        var placeholdersInGraph = new HashSet<String>();
        var named = referencedIds(doc.records());
        var flowIds = new HashSet<String>();
        doc.records().stream().filter(r -> r.type().isFlow()).forEach(r -> flowIds.add(r.key()));
        var stored = lookup(doc.partner(), named, flowIds, placeholdersInGraph);
        var labels = stored.labels();
        lock(doc.records(), consentPlan.targets().values(), stored);
        var placeholders = new TreeMap<String, Set<String>>();
        for (ExchangeRecord r : doc.records()) {
            if (r.deleted()) {
                continue;
            }
            if (r.type().keyedById() && !r.type().isFlow()) {
                String existing = labels.get(r.key());
                if (existing != null && !existing.equals(r.type().label())) {
                    problems.add(new Problem(r.pointer() + "/id", r.key() + " already exists as " + article(existing)
                            + "; ids are unique across record types"));
                }
            }
            checkReferences(r, doc.partner(), live, deleting, labels, placeholders, problems, harvesting, stillReferenced);
        }
        var demoted = checkDeletions(deleting, live, problems);
        demoted.addAll(stillReferenced);
        checkFootprints(doc, live, problems);
        checkCapacities(doc.partner(), doc.records(), consentPlan, stored, problems);
        var items = items(doc.records());
        derivations.orderedStream().forEach(d -> d.check(items, harvesting, problems));
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
        return classify(doc, placeholders, placeholdersInGraph, demoted, consentPlan, stored);
    }

    /** The document's records as derivations see them (consents aside: they derive nothing). */
    static List<Derivation.Item> items(List<ExchangeRecord> records) {
        return records.stream().filter(r -> r.type() != RecordTypes.CONSENTS)
                .map(r -> new Derivation.Item(r.type().array(), r.key(), r.fields(), r.deleted(), r.pointer())).toList();
    }

    /**
     * Locks the streams, processes and sinks whose capacity the document uses, before their capacity is read. Only
     * those the store may hold (the lookup reads without locks): a new one has no node to lock yet, and an import
     * creating it at the same time fails on its id's uniqueness.
     */
    private void lock(List<ExchangeRecord> records, java.util.Collection<ExchangeRecord> consentTargets, Stored stored) {
        var ids = new TreeSet<String>();
        var all = new ArrayList<>(records);
        all.addAll(consentTargets); // an acceptance takes capacity of the stream or sink it is about
        for (ExchangeRecord r : all) {
            var keys = switch (r.type().array()) {
                case "flows" -> java.util.stream.Stream.of(r.string("sideStream"));
                case "sideStreams" -> java.util.stream.Stream.of(r.key(), r.string("producer"));
                case "offsetAgreements" -> java.util.stream.Stream.of(r.string("sink"));
                case "carbonSinks", "processes" -> java.util.stream.Stream.of(r.key());
                default -> java.util.stream.Stream.<String>empty();
            };
            keys.filter(java.util.Objects::nonNull).filter(stored::mayHold).forEach(ids::add);
        }
        // sorted ids: concurrent imports take their locks in the same order
        forBatches(List.copyOf(ids), batch -> {
            cypher.run(LOCK, Map.of("ids", batch));
            return batch;
        });
    }

    private static Set<String> referencedIds(List<ExchangeRecord> records) {
        var ids = new HashSet<String>();
        for (ExchangeRecord r : records) {
            if (r.type().keyedById() && !r.type().isFlow()) {
                ids.add(r.key());
            }
            for (FieldSpec spec : r.type().references()) {
                if (spec.kind() == FieldKind.REFS) {
                    ids.addAll(r.ids(spec.name()));
                } else if (r.string(spec.name()) != null) {
                    ids.add(r.string(spec.name()));
                }
            }
        }
        return ids;
    }

    private Stored lookup(String partner, Set<String> ids, Set<String> flowIds, Set<String> placeholders) {
        var labels = new HashMap<String, String>();
        var flows = new HashSet<String>();
        boolean tombstones = ids.isEmpty() && flowIds.isEmpty(); // no lookup, no answer: suppose there are some
        var nodes = List.copyOf(ids);
        var flowList = List.copyOf(flowIds);
        for (int i = 0; i < Math.max(nodes.size(), flowList.size()); i += LOOKUP_BATCH) {
            var row = cypher.one(IMPORT_LOOKUP, Map.of("ids", batch(nodes, i), "flows", batch(flowList, i), "partner", partner),
                    r -> r).orElseThrow();
            for (Value found : row.get("found").values()) {
                if (found.get("placeholder").asBoolean()) {
                    placeholders.add(found.get("id").asString());
                }
                labels.put(found.get("id").asString(), found.get("label").asString(null));
            }
            row.get("flows").values().forEach(f -> flows.add(f.asString()));
            tombstones |= row.get("tombstones").asBoolean();
        }
        return new Stored(ids, labels, placeholders, flowIds, flows, tombstones);
    }

    private static List<String> batch(List<String> ids, int from) {
        return ids.subList(Math.min(from, ids.size()), Math.min(ids.size(), from + LOOKUP_BATCH));
    }

    private static void checkReferences(ExchangeRecord r, String partner, Map<String, ExchangeRecord> live,
                                        Map<String, ExchangeRecord> deleting, Map<String, String> labels,
                                        Map<String, Set<String>> placeholders, List<Problem> problems, boolean harvesting,
                                        Set<String> stillReferenced) {
        for (FieldSpec spec : r.type().references()) {
            List<String> targets = spec.kind() == FieldKind.REFS ? r.ids(spec.name())
                    : r.string(spec.name()) == null ? List.of() : List.of(r.string(spec.name()));
            String wanted = spec.ref().label();
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i);
                String pointer = r.pointer() + "/" + spec.name() + (spec.kind() == FieldKind.REFS ? "/" + i : "");
                ExchangeRecord inDocument = live.get(target);
                String found = inDocument != null ? inDocument.type().label() : labels.get(target);
                if (deleting.containsKey(target) && harvesting) {
                    // the peer sends a record we may no longer see as a deletion; its own records still name it: keep its id
                    stillReferenced.add(target);
                    placeholders.computeIfAbsent(wanted, k -> new TreeSet<>()).add(target);
                } else if (deleting.containsKey(target)) {
                    problems.add(new Problem(pointer, "refers to " + target + ", which this document deletes"));
                } else if (found != null && !found.equals(wanted)) {
                    problems.add(new Problem(pointer, "refers to " + target + ", which is " + article(found) + ", not " + article(wanted)));
                } else if (found == null && Ids.partnerOf(target).equals(partner) && !harvesting) {
                    problems.add(new Problem(pointer, "refers to " + target
                            + ", which is neither in this document nor in the database"));
                } else if (found == null) {
                    // another partner's record: a placeholder until its owner's data arrives; in a harvested
                    // document, also a record of the owner's that we may not see (PRIVATE at the source)
                    placeholders.computeIfAbsent(wanted, k -> new TreeSet<>()).add(target);
                }
            }
        }
    }

    /**
     * A deletion that the partner's own records still need is refused: the document should change
     * or delete them too. A deletion that another partner's records need (a Finnish flow from a Swedish
     * stream) cannot be refused, since the owner decides about its records and the other partner cannot be
     * asked in the same document: the record is demoted to a placeholder (its id only), exactly what
     * that reference was before the owner's data arrived.
     *
     * @return ids to demote rather than delete
     */
    private Set<String> checkDeletions(Map<String, ExchangeRecord> deleting, Map<String, ExchangeRecord> live,
                                       List<Problem> problems) {
        var demoted = new TreeSet<String>();
        var nodeIds = deleting.values().stream().filter(r -> !r.type().isFlow()).map(ExchangeRecord::key).toList();
        if (nodeIds.isEmpty()) {
            return demoted;
        }
        forBatches(nodeIds, batch -> cypher.list(NODE_DEPENDENTS, Map.of("ids", batch), row -> {
            String id = row.get("id").asString();
            String dependent = row.get("dependent").asString();
            var dependentType = RecordTypes.byLabel(row.get("label").asString(""));
            ExchangeRecord deleted = deleting.get(id);
            boolean dependentIsStart = !row.get("fromDeleted").asBoolean();
            // the dependent's reference fields that this relationship stands for
            var fields = dependentType.stream().flatMap(t -> t.references().stream())
                    .filter(f -> f.ref().type().equals(row.get("type").asString())
                            && f.ref().outgoing() == dependentIsStart && f.ref().label().equals(deleted.type().label()))
                    .toList();
            boolean required = fields.stream().anyMatch(FieldSpec::required);
            if (!fields.isEmpty() && !deleting.containsKey(dependent) && !live.containsKey(dependent)) {
                if (!Ids.partnerOf(dependent).equals(Ids.partnerOf(id))) {
                    demoted.add(id);
                } else if (required) {
                    problems.add(new Problem(deleted.pointer(), id + " cannot be deleted: " + dependent
                            + " still requires it; delete or change " + dependent + " in the same document"));
                }
            }
            return id;
        }));
        forBatches(nodeIds, batch -> cypher.list(FLOW_DEPENDENTS, Map.of("ids", batch), row -> {
            String flow = row.get("dependent").asString();
            if (!deleting.containsKey(flow) && !live.containsKey(flow)) {
                String id = row.get("id").asString();
                if (!Ids.partnerOf(flow).equals(Ids.partnerOf(id))) {
                    demoted.add(id);
                } else {
                    problems.add(new Problem(deleting.get(id).pointer(), id + " cannot be deleted: flow " + flow
                            + " still connects it; delete or change the flow in the same document"));
                }
            }
            return flow;
        }));
        return demoted;
    }

    static final String STREAMS_IN_GRAPH = """
            UNWIND $ids AS id
            MATCH (s:SideStream {id: id})
            RETURN id
            """;

    /**
     * A published footprint belongs to a side stream the document states or the graph holds, if only as a
     * placeholder: a stream other partners' flows name whose owner publishes what a unit of it carries without
     * sending the stream itself (a PRIVATE stream, or a supplier outside the network pulled over PACT). The
     * parser has made sure the stream is the document partner's own.
     */
    private void checkFootprints(DocumentParser.Parsed doc, Map<String, ExchangeRecord> live, List<Problem> problems) {
        var elsewhere = doc.footprints().stream().filter(f -> !f.deleted())
                .filter(f -> !(live.containsKey(f.sideStream()) && live.get(f.sideStream()).type() == RecordTypes.SIDE_STREAMS))
                .map(PublishedFootprint::sideStream).distinct().toList();
        if (elsewhere.isEmpty()) {
            return;
        }
        var known = new HashSet<String>();
        forBatches(elsewhere, batch -> cypher.list(STREAMS_IN_GRAPH, Map.of("ids", batch), row -> known.add(row.get("id").asString())));
        for (var f : doc.footprints()) {
            if (!f.deleted() && elsewhere.contains(f.sideStream()) && !known.contains(f.sideStream())) {
                problems.add(new Problem(f.pointer() + "/sideStream", "no side stream " + f.sideStream() + " in the document or the graph"));
            }
        }
    }

    // ---- capacities: flows ≤ stream quantity, streams in t ≤ outputTonnes, active agreements ≤ sink ----

    private record Item(String id, double quantity, Long from, Long to, boolean counts, String pointer) {
        boolean activeIn(long year) {
            return counts && (from == null || from <= year) && (to == null || year <= to);
        }
    }

    private record Rule(String query, String groupArray, String groupField, String capacityField, String itemArray,
                        String itemGroupField, String itemQuantityField, String describe) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(FLOWS_FROM_STREAMS, "sideStreams", "id", "quantity", "flows", "sideStream", "quantity",
                    "flows from %s add up to %s %s%s, more than its quantity of %s %s"),
            new Rule(STREAMS_OF_PROCESSES, "processes", "id", "outputTonnes", "sideStreams", "producer", "quantity",
                    "side streams in tonnes of %s add up to %s %s%s, more than its outputTonnes of %s %s"),
            new Rule(AGREEMENTS_ON_SINKS, "carbonSinks", "id", "tCO2ePerYear", "offsetAgreements", "sink", "tCO2ePerYear",
                    "offset agreements committed on %s add up to %s %s%s, more than its %s %s per year"));

    /**
     * The capacity rules of docs/spec/model.md, checked only for the writer's own streams, processes and sinks: the
     * owner sees every flow and agreement on them (it is a party to each), so its refusals may name figures.
     * A record on another partner's stream or sink is not checked here (that would answer yes or no about
     * figures the writer may not see); it counts only once that partner accepts it, and the acceptance is
     * checked. Items count as far as the group's owner has committed to them (ConsentPlanner.Plan.committed).
     */
    private void checkCapacities(String partner, List<ExchangeRecord> records, ConsentPlanner.Plan consents, Stored stored,
                                 List<Problem> problems) {
        var items = new ArrayList<ExchangeRecord>(records);
        items.addAll(consents.targets().values()); // what an acceptance or an ending changes
        for (Rule rule : RULES) {
            var groups = new TreeMap<String, ExchangeRecord>();   // group id → its record in the document, if any
            var docItems = new HashMap<String, List<Item>>();     // group id → the document's items
            var docItemIds = new HashSet<String>();               // every item id the document states (or deletes)
            for (ExchangeRecord r : items) {
                if (r.type().array().equals(rule.groupArray()) && !r.deleted()) {
                    groups.put(r.key(), r);
                } else if (r.type().array().equals(rule.itemArray())) {
                    docItemIds.add(r.key());
                    String group = r.string(rule.itemGroupField());
                    if (!r.deleted() && group != null && Ids.partnerOf(group).equals(partner)) {
                        groups.putIfAbsent(group, null);
                        docItems.computeIfAbsent(group, k -> new ArrayList<>()).add(docItem(rule, r, consents));
                    }
                }
            }
            if (groups.isEmpty()) {
                continue;
            }
            // a group the store does not hold has nothing there to add (a new stream, process or sink)
            forBatches(groups.keySet().stream().filter(stored::mayHold).toList(), batch -> cypher.list(rule.query(), Map.of("ids", batch), row -> {
                String group = row.get("id").asString();
                var inGroup = new ArrayList<Item>();
                for (Value v : row.get("items").values()) {
                    if (!v.get("id").isNull() && !docItemIds.contains(v.get("id").asString())) {
                        inGroup.add(new Item(v.get("id").asString(), v.get("quantity").asDouble(0),
                                year(v.get("fromYear")), year(v.get("toYear")), v.get("counts").asBoolean(false), null));
                    }
                }
                inGroup.addAll(docItems.getOrDefault(group, List.of()));
                ExchangeRecord own = groups.get(group);
                Double capacity = own != null ? own.number(rule.capacityField())
                        : row.get("capacity").isNull() ? null : row.get("capacity").asDouble();
                String unit = own != null && own.string("unit") != null ? own.string("unit") : row.get("unit").asString("");
                checkGroup(rule, group, own, capacity, unit, inGroup, problems);
                groups.remove(group);
                return group;
            }));
            // groups only in the document (new streams, processes, sinks)
            groups.forEach((group, own) -> {
                if (own != null) {
                    String unit = own.string("unit") != null ? own.string("unit") : rule.groupArray().equals("carbonSinks") ? "tCO2e" : "t";
                    checkGroup(rule, group, own, own.number(rule.capacityField()), unit, docItems.getOrDefault(group, List.of()), problems);
                }
            });
        }
    }

    private static Item docItem(Rule rule, ExchangeRecord r, ConsentPlanner.Plan consents) {
        boolean counts = switch (rule.itemArray()) {
            case "sideStreams" -> "t".equals(r.string("unit"));
            default -> consents.committed(r);
        };
        // an item a consent is about is reported at the consent; a side stream with a year is that year's output only,
        // flows and agreements run fromYear..toYear
        String pointer = consents.targets().containsKey(r.key()) ? r.pointer() : r.pointer() + "/" + rule.itemQuantityField();
        boolean yearly = rule.itemArray().equals("sideStreams");
        return new Item(r.key(), r.number(rule.itemQuantityField()), r.integer(yearly ? "year" : "fromYear"),
                r.integer(yearly ? "year" : "toYear"), counts, pointer);
    }

    private static void checkGroup(Rule rule, String group, ExchangeRecord own, Double capacity, String unit,
                                   List<Item> items, List<Problem> problems) {
        if (capacity == null || items.isEmpty()) {
            return; // no outputTonnes declared: nothing to exceed
        }
        var years = new TreeSet<Long>();
        years.add(Long.MIN_VALUE);
        items.forEach(i -> { if (i.from() != null) years.add(i.from()); });
        for (long year : years) {
            double sum = 0;
            Item last = null;
            for (Item item : items) {
                if (item.activeIn(year)) {
                    sum += item.quantity();
                    if (item.pointer() != null) {
                        last = item;
                    }
                }
            }
            if (sum > capacity * (1 + 1e-12)) {
                String pointer = last != null ? last.pointer() : own != null ? own.pointer() + "/" + rule.capacityField() : "";
                String when = year == Long.MIN_VALUE ? "" : " in " + year;
                String message = rule.describe().formatted(group, number(sum), unit, when, number(capacity), unit);
                if (last != null) {
                    // what the others leave: the figure a person needs to fix the record
                    message += "; " + number(Math.max(0, capacity - (sum - last.quantity()))) + " " + unit + " free";
                }
                problems.add(new Problem(pointer, message));
                return;
            }
        }
    }

    private static String article(String label) {
        return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private static Long year(Value v) {
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // ---- classification ----

    private ImportPlan classify(DocumentParser.Parsed doc, Map<String, Set<String>> placeholders, Set<String> placeholdersInGraph,
                                Set<String> demoted, ConsentPlanner.Plan consents, Stored stored) {
        var created = new ArrayList<ExchangeRecord>();
        var updated = new ArrayList<ExchangeRecord>();
        var narrowed = new HashMap<String, String>();
        var unchanged = new ArrayList<ExchangeRecord>();
        var deleted = new ArrayList<ExchangeRecord>();
        for (RecordType type : RecordTypes.ALL) {
            var ofType = doc.records().stream().filter(r -> r.type() == type).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            var existing = new HashMap<String, Map<String, Object>>();
            // a record the store cannot hold is new: not read back
            forBatches(ofType.stream().filter(stored::mayHold).map(ExchangeRecord::key).toList(),
                    batch -> { existing.putAll(graphRecords.byKeys(type, batch)); return List.of(); });
            for (ExchangeRecord r : ofType) {
                var before = existing.get(r.key());
                if (r.deleted()) {
                    (before != null ? deleted : unchanged).add(r);
                } else if (before == null) {
                    created.add(r);
                } else if (before.equals(r.fields())) {
                    unchanged.add(r);
                } else {
                    updated.add(r);
                    String was = (String) before.getOrDefault("visibility", "NETWORK");
                    if (VISIBILITY_ORDER.indexOf(String.valueOf(r.fields().getOrDefault("visibility", "NETWORK"))) > VISIBILITY_ORDER.indexOf(was)) {
                        narrowed.put(r.key(), was);
                    }
                }
            }
        }
        return new ImportPlan(doc.partner(), created, updated, unchanged, deleted, placeholders, placeholdersInGraph, demoted,
                doc.footprints(), consents, narrowed, stored.tombstones());
    }

    private static <T> void forBatches(List<String> ids, java.util.function.Function<List<String>, T> action) {
        for (int i = 0; i < ids.size(); i += LOOKUP_BATCH) {
            action.apply(batch(ids, i));
        }
    }
}
