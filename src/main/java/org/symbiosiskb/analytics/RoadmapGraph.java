package org.symbiosiskb.analytics;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;

/** What the roadmap analytics read besides the balance's graph: the roadmap itself and the years with emission records. */
public interface RoadmapGraph {

    /** The roadmap, or null when there is none with this id. */
    Plan roadmap(String id);

    /** The years in which at least one of the processes has an emission record (any scope). */
    NavigableSet<Integer> emissionYears(Collection<String> processes);

    /** A roadmap with its defaults applied (docs/spec/model.md): discountRate 0.05. */
    record Plan(String id, String park, int baseYear, double discountRate, List<Goal> targets, List<Step> measures) {
    }

    /** A target: exactly one of maxNet and reductionPercent is set. */
    record Goal(int year, Double maxNet, Double reductionPercent) {
    }

    /**
     * A measure with its defaults applied (lifetimeYears 20, capex and opex 0, status PLANNED).
     * {@code process} and {@code tCO2ePerYear} for EMISSION_CUT, {@code tCO2ePerYear} for NEW_SINK and
     * OFFSET, {@code flow} (the flow it would add) for NEW_FLOW.
     */
    record Step(String id, String kind, int startYear, int lifetimeYears, double capexEUR, double opexEURPerYear,
                String status, String process, double tCO2ePerYear, Flow flow) {

        /** Not DROPPED and startYear ≤ year < startYear + lifetimeYears. */
        boolean inEffect(int year) {
            return !"DROPPED".equals(status) && startYear <= year && year < startYear + lifetimeYears;
        }
    }
}
