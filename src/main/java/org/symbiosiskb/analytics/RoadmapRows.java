package org.symbiosiskb.analytics;

import java.util.List;
import java.util.Map;

/** What kb.roadmap and kb.abatementCurve yield (docs/spec/analytics.md §6). */
public final class RoadmapRows {

    private RoadmapRows() {
    }

    public static class RoadmapRow {
        public String roadmap;
        public String park;
        public long baseYear;
        public double discountRate;
        /** [{year, baseline, planned, avoided}] from baseYear to the last target's year */
        public List<Map<String, Object>> trajectory;
        /** [{year, threshold, planned, gap, met}] in target year order */
        public List<Map<String, Object>> targetStatus;
        /** The ids of every record the figures are computed from (the balances of each year, the measures). */
        public List<String> dependsOn;
    }

    public static class CurveRow {
        public String measure;
        public String kind;
        public double abatement;
        public double annualisedCost;
        public double costPerTonne;
        public double cumulativeAbatement;
        /** The ids of the records abatement and cost are computed from: the measure, and the process it cuts with its records. */
        public List<String> dependsOn;
    }
}
