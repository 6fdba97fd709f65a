/**
 * The analytics of docs/spec/analytics.md as Neo4j procedures ({@code kb.trace}, {@code kb.carbonBalance},
 * {@code kb.compensationPartners}, {@code kb.sideStreamMatches}) and of §6 ({@code kb.roadmap},
 * {@code kb.abatementCurve}).
 *
 * <p>This package depends on Neo4j's procedure API and java.base only, never on Spring or the rest
 * of the service: it is registered in the embedded database, in the test harness, and shipped as
 * the server plugin jar ({@code target/plugins/symbiosis-kb-*-plugin.jar}), so researchers calling
 * it from Cypher get the very numbers GraphQL shows.
 *
 * <p>The algorithms (the linear solve, chain enumeration, balances, greedy allocation, matching)
 * are plain Java over {@link org.symbiosiskb.analytics.FlowGraph}, a small read interface;
 * {@link org.symbiosiskb.analytics.CoreFlowGraph} implements it with the core API inside a
 * procedure. A managed database that forbids plugins could get a Cypher-backed implementation
 * without touching the algorithms.
 */
package org.symbiosiskb.analytics;
