package org.symbiosiskb.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks for hidden figures in an answer: a figure the caller may not see must not stand in its bytes, nor be
 * the difference of two numbers it shows (a total and a part), nor a total's difference from the sum of the
 * parts it lists (every number field of an array of objects is summed, as a reader would).
 */
final class LeakChecker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LeakChecker() {
    }

    /** The leaks found, each a sentence; empty when none. */
    static List<String> leaks(String answer, Collection<Double> hidden) {
        var found = new ArrayList<String>();
        for (double f : hidden) {
            if (answer.contains(String.valueOf(f))) {
                found.add(f + " stands in the answer");
            }
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(answer);
        } catch (RuntimeException notJson) {
            return found;
        }
        var numbers = new ArrayList<Double>();
        collect(tree, numbers);
        double[] sorted = numbers.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
        for (double f : hidden) {
            for (double a : sorted) {
                // is a − f (or a + f) among the numbers? then f = a − b
                for (double b : List.of(a - f, a + f)) {
                    int at = Arrays.binarySearch(sorted, b);
                    int near = at >= 0 ? at : -at - 1;
                    for (int i = Math.max(0, near - 1); i <= Math.min(sorted.length - 1, near); i++) {
                        // figures have four decimals; a difference computed in doubles is off by far less than 1e-7
                        if (Math.abs(sorted[i] - b) <= 1e-7 + 1e-12 * Math.abs(a) && Math.abs(a - sorted[i]) > 1e-12) {
                            found.add(f + " = |" + a + " − " + sorted[i] + "|");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<Double> numbers) {
        if (node.isNumber()) {
            numbers.add(node.asDouble());
        } else if (node.isArray()) {
            var sums = new LinkedHashMap<String, Double>();
            for (JsonNode item : node) {
                collect(item, numbers);
                if (item.isObject()) {
                    item.properties().forEach(e -> {
                        if (e.getValue().isNumber()) {
                            sums.merge(e.getKey(), e.getValue().asDouble(), Double::sum);
                        }
                    });
                }
            }
            if (node.size() > 1) {
                numbers.addAll(sums.values());
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), numbers);
            }
        }
    }
}
