package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Need;
import org.symbiosiskb.analytics.Records.Stream;

/** sideStreamMatches (docs/spec/analytics.md §4): needs and precedents for a side stream, by waste code or material. */
final class Matching {

    static final List<String> LEVELS = List.of("ENTRY", "SUB_CHAPTER", "PRECEDENT", "CHAPTER");

    private Matching() {
    }

    record Match(String level, String need, String process, double distanceKm, Double wanted, double supplyable) {
    }

    static List<AnalyticsProcedures.MatchRow> run(KnowledgeGraph graph, String sideStream, int year, double maxDistanceKm, long first,
                                                  Guard guard) {
        Stream s = graph.sideStream(sideStream);
        if (s == null) {
            throw AnalyticsException.notFound("no side stream " + sideStream);
        }
        if (!(maxDistanceKm >= 0)) {
            throw AnalyticsException.badRequest("maxDistanceKm must be 0 or more, found " + maxDistanceKm);
        }
        if (first < 0) {
            throw AnalyticsException.badRequest("first must be 0 or more, found " + first);
        }
        Location origin = s.producer() == null ? null : graph.locationOfProcess(s.producer());
        if (origin == null) {
            throw AnalyticsException.badRequest(sideStream + ": its producer has no location (own, operator's or park's); distances cannot be computed");
        }
        String owner = s.producer() == null ? null : graph.operatorOf(s.producer());
        Set<String> ownProcesses = new HashSet<>(owner == null ? List.of(s.producer()) : graph.processesOperatedBy(owner));
        var flowsOut = graph.flowsOutOf(s.producer(), year).stream().filter(f -> f.sideStream().equals(sideStream)).toList();
        double available = s.quantity() - flowsOut.stream().mapToDouble(Flow::quantity).sum();
        var takers = new HashSet<String>();
        flowsOut.forEach(f -> takers.add(f.consumer()));

        var matches = new ArrayList<Match>();
        String code = s.ewc() == null ? null : bare(s.ewc());
        String material = s.material() == null ? null : normal(s.material());
        if (code == null && material == null) {
            return List.of();
        }
        for (Need n : graph.allNeeds()) {
            guard.check();
            if (n.process() == null || ownProcesses.contains(n.process()) || !s.unit().equals(n.unit())) {
                continue;
            }
            String level = code != null ? codeLevel(code, n.ewc()) : materialLevel(material, n.material());
            if (level == null) {
                continue;
            }
            Location at = graph.locationOfProcess(n.process());
            if (at == null || origin.kmTo(at) > maxDistanceKm) {
                continue;
            }
            matches.add(new Match(level, n.id(), n.process(), origin.kmTo(at), n.quantity(), Math.min(available, n.quantity())));
        }
        var precedentFlows = code != null ? graph.flowsOfStreamsWithCode(code, year) : graph.flowsOfStreamsWithMaterial(s.material(), year);
        var precedents = new HashSet<String>(); // their order does not matter: the matches are ranked below, ties by id
        for (Flow f : precedentFlows) {
            if (!f.producer().equals(s.producer()) && !ownProcesses.contains(f.consumer()) && !takers.contains(f.consumer())) {
                precedents.add(f.consumer());
            }
        }
        for (String p : precedents) {
            guard.check();
            Location at = graph.locationOfProcess(p);
            if (at != null && origin.kmTo(at) <= maxDistanceKm) {
                matches.add(new Match("PRECEDENT", null, p, origin.kmTo(at), null, available));
            }
        }
        var best = Ranking.first(matches, first, Comparator.comparingInt((Match m) -> LEVELS.indexOf(m.level()))
                .thenComparingDouble(Match::distanceKm)
                .thenComparing(m -> m.need() != null ? m.need() : m.process()));
        var rows = new ArrayList<AnalyticsProcedures.MatchRow>();
        for (Match m : best) {
            var row = new AnalyticsProcedures.MatchRow();
            row.level = m.level();
            row.need = m.need();
            row.process = m.process();
            row.distanceKm = m.distanceKm();
            row.wanted = m.wanted();
            row.supplyable = m.supplyable();
            row.available = available;
            rows.add(row);
        }
        return rows;
    }

    /** ENTRY: same entry; SUB_CHAPTER: the need's entry or sub-chapter shares the first four digits; CHAPTER: only the first two. */
    static String codeLevel(String entry, String needCode) {
        if (needCode == null) {
            return null;
        }
        String other = bare(needCode);
        if (other.equals(entry)) {
            return "ENTRY";
        }
        if (other.length() >= 5 && entry.substring(0, 5).equals(other.substring(0, 5))) {
            return "SUB_CHAPTER";
        }
        if (entry.substring(0, 2).equals(other.substring(0, 2))) {
            return "CHAPTER";
        }
        return null;
    }

    static String materialLevel(String material, String needMaterial) {
        return needMaterial != null && normal(needMaterial).equals(material) ? "ENTRY" : null;
    }

    static String bare(String code) {
        return code.endsWith("*") ? code.substring(0, code.length() - 1) : code;
    }

    static String normal(String material) {
        return material.strip().toLowerCase(Locale.ROOT);
    }

}
