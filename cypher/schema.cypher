// symbiosis-kb graph schema (docs/spec/model.md). Applied by the service at every start; every statement
// is idempotent (IF NOT EXISTS), so running it again changes nothing. Researchers may run it
// by hand on a server: cypher-shell -f cypher/schema.cypher
//
// Every record with an id also carries the label :Record, whose uniqueness constraint makes ids
// globally unique across labels (docs/spec/model.md: "globally unique") and gives every reference check and
// upsert one index to use. Emission records have no id of their own in the exchange format; the
// service gives them a key of the form <process>@<year>/<scope>/<category>/<source> in `id`, with
// /REPORTED or /CALCULATED appended for those provenances; releases <process>@<year>/<pollutant>/<medium>.
//
// Existence constraints: Neo4j Community (the embedded store and the harness) supports neither
// property existence, property type nor key constraints (Enterprise Edition only). We would not
// use existence constraints even on Enterprise: a reference to another partner's record creates
// a placeholder node that carries only its id until the owner's data arrives (docs/spec/model.md), so
// `name`, `location`, ... are legitimately absent there. The importer and the GraphQL mutations
// check required properties instead, for every record they write.

CREATE CONSTRAINT record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT network_id IF NOT EXISTS FOR (n:Network) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT park_id IF NOT EXISTS FOR (n:Park) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT process_id IF NOT EXISTS FOR (n:Process) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT emission_id IF NOT EXISTS FOR (n:Emission) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT release_id IF NOT EXISTS FOR (n:Release) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT side_stream_id IF NOT EXISTS FOR (n:SideStream) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT carbon_sink_id IF NOT EXISTS FOR (n:CarbonSink) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT offset_agreement_id IF NOT EXISTS FOR (n:OffsetAgreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT roadmap_id IF NOT EXISTS FOR (n:Roadmap) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_id IF NOT EXISTS FOR (n:Target) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT waste_code_code IF NOT EXISTS FOR (n:WasteCode) REQUIRE n.code IS UNIQUE;
// A flow is a relationship with an id of its own. While it waits for the other partner's consent
// (or after that partner ended it) it is a PROPOSED_SUPPLIES relationship, which no analysis reads.
CREATE CONSTRAINT flow_id IF NOT EXISTS FOR ()-[f:SUPPLIES]-() REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT proposed_flow_id IF NOT EXISTS FOR ()-[f:PROPOSED_SUPPLIES]-() REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (n:Consent) REQUIRE n.id IS UNIQUE;
// The links waiting for a partner's consent (its inbox): a process in its park, a flow from its stream…
CREATE INDEX proposed_in_park_party IF NOT EXISTS FOR ()-[r:PROPOSED_IN_PARK]-() ON (r.party);
CREATE INDEX proposed_located_in_party IF NOT EXISTS FOR ()-[r:PROPOSED_LOCATED_IN]-() ON (r.party);
CREATE INDEX proposed_member_of_party IF NOT EXISTS FOR ()-[r:PROPOSED_MEMBER_OF]-() ON (r.party);
CREATE INDEX proposed_buyer_party IF NOT EXISTS FOR ()-[r:PROPOSED_BUYER]-() ON (r.party);
CREATE INDEX proposed_from_sink_party IF NOT EXISTS FOR ()-[r:PROPOSED_FROM_SINK]-() ON (r.party);
CREATE INDEX proposed_supplies_party IF NOT EXISTS FOR ()-[r:PROPOSED_SUPPLIES]-() ON (r.party);

// A register facility's id (E-PRTR INSPIRE id): "is this site in the park already?"
CREATE INDEX process_eprtr_id IF NOT EXISTS FOR (n:Process) ON (n.eprtrId);

// Point indexes: nearest sinks, candidates within a distance.
CREATE POINT INDEX park_location IF NOT EXISTS FOR (n:Park) ON (n.location);
CREATE POINT INDEX organization_location IF NOT EXISTS FOR (n:Organization) ON (n.location);
CREATE POINT INDEX process_location IF NOT EXISTS FOR (n:Process) ON (n.location);
CREATE POINT INDEX carbon_sink_location IF NOT EXISTS FOR (n:CarbonSink) ON (n.location);

// Text indexes: `WHERE n.name CONTAINS 'Kemi'` and `ENDS WITH` on names use these.
CREATE TEXT INDEX network_name IF NOT EXISTS FOR (n:Network) ON (n.name);
CREATE TEXT INDEX park_name IF NOT EXISTS FOR (n:Park) ON (n.name);
CREATE TEXT INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE TEXT INDEX process_name IF NOT EXISTS FOR (n:Process) ON (n.name);
CREATE TEXT INDEX side_stream_name IF NOT EXISTS FOR (n:SideStream) ON (n.name);
CREATE TEXT INDEX carbon_sink_name IF NOT EXISTS FOR (n:CarbonSink) ON (n.name);
CREATE TEXT INDEX waste_code_title IF NOT EXISTS FOR (n:WasteCode) ON (n.title);
// `WHERE s.ewc ENDS WITH '*'` (hazardous streams): with only the range index below, Neo4j 2026.08
// sometimes plans a range seek for ENDS WITH and fails (IndexNotApplicable); a text index serves it.
CREATE TEXT INDEX side_stream_ewc_text IF NOT EXISTS FOR (n:SideStream) ON (n.ewc);
CREATE TEXT INDEX need_ewc_text IF NOT EXISTS FOR (n:Need) ON (n.ewc);

// Range indexes for the filters and the exchange export.
CREATE INDEX record_source IF NOT EXISTS FOR (n:Record) ON (n.source);
CREATE INDEX side_stream_ewc IF NOT EXISTS FOR (n:SideStream) ON (n.ewc);
CREATE INDEX need_ewc IF NOT EXISTS FOR (n:Need) ON (n.ewc);
CREATE INDEX emission_year IF NOT EXISTS FOR (n:Emission) ON (n.year);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX carbon_sink_kind IF NOT EXISTS FOR (n:CarbonSink) ON (n.kind);

// Deletions a harvester still has to learn of (GET /api/v1/datasets/{partner}?since=...)
CREATE CONSTRAINT tombstone_key IF NOT EXISTS FOR (t:Tombstone) REQUIRE t.key IS UNIQUE;
CREATE INDEX tombstone_partner IF NOT EXISTS FOR (t:Tombstone) ON (t.partner, t.deletedAt);
// Where harvesting each peer got to (federation)
CREATE CONSTRAINT peer_state_partner IF NOT EXISTS FOR (p:PeerState) REQUIRE p.partner IS UNIQUE;
