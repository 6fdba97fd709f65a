package org.symbiosiskb.api.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;

/**
 * Runs the translated reads: a {@code Query} field of the registry in one statement, and a translated field of
 * records that did not come from a translated statement (a mutation's answer, the processes of an analytics
 * answer, a federation lookup) in one statement per place in the query, for all those records at once.
 */
@Component
public class TranslatedReads {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TranslatedReads.class);

    /** The data loader of fields of records given by the features. */
    static final String LOADER = "kb.translation";
    private static final String PLANS = TranslatedReads.class.getName() + ".plans";

    private final GraphTypes types;
    private final Translator translator;
    private final Cypher cypher;

    TranslatedReads(GraphTypes types, Paging paging, Cypher cypher) {
        this.types = types;
        this.translator = new Translator(types, paging);
        this.cypher = cypher;
    }

    GraphTypes types() {
        return types;
    }

    /** A {@code Query} field: one statement for its whole selection. */
    Object root(GraphTypes.Root root, DataFetchingEnvironment env) {
        Statement s = translator.root(root, env.getArguments(), env.getSelectionSet(), cypher.visibility());
        if (log.isDebugEnabled()) {
            log.debug("{}: {} {}", env.getField().getName(), s.cypher(), s.parameters());
        }
        var rows = cypher.listPlain(s.cypher(), s.parameters(), r -> s.value().convert(r.get("value")));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /**
     * The same field of every record at one place in the query (say {@code operator} of each
     * {@code traceEmissions.paths.hops.from}) is one data-loader key set, answered by one statement.
     */
    CompletableFuture<Object> ofRecord(NodeType type, String field, DataFetchingEnvironment env) {
        String key = type.keyOf.apply(env.getSource());
        if (key == null) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, FieldPlan> plans = env.getGraphQlContext().computeIfAbsent(PLANS, k -> new ConcurrentHashMap<String, FieldPlan>());
        String place = type.name + "." + field + "@" + String.join("/", env.getExecutionStepInfo().getPath().getKeysOnly());
        FieldPlan plan = plans.computeIfAbsent(place, p -> new FieldPlan(type, field, env.getArguments(), env.getSelectionSet()));
        DataLoader<FieldKey, Object> loader = env.getDataLoader(LOADER);
        return loader.load(new FieldKey(plan, key));
    }

    /** One field's selection at one place in a query; data-loader keys compare plans by identity. */
    static final class FieldPlan {
        final NodeType type;
        final String field;
        final Map<String, Object> arguments;
        final DataFetchingFieldSelectionSet selection;

        FieldPlan(NodeType type, String field, Map<String, Object> arguments, DataFetchingFieldSelectionSet selection) {
            this.type = type;
            this.field = field;
            this.arguments = arguments;
            this.selection = selection;
        }
    }

    record FieldKey(FieldPlan plan, String key) {
    }

    /** The batch: one statement per plan. */
    Map<FieldKey, Object> load(Set<FieldKey> keys) {
        var byPlan = new IdentityHashMap<FieldPlan, List<FieldKey>>();
        keys.forEach(k -> byPlan.computeIfAbsent(k.plan(), p -> new ArrayList<>()).add(k));
        var result = new HashMap<FieldKey, Object>();
        byPlan.forEach((plan, planKeys) -> {
            Statement s = translator.ofRecords(plan.type, plan.field, plan.arguments, plan.selection, cypher.visibility());
            if (log.isDebugEnabled()) {
                log.debug("{}.{} of {} records: {} {}", plan.type.name, plan.field, planKeys.size(), s.cypher(), s.parameters());
            }
            var params = new HashMap<>(s.parameters());
            var distinct = new LinkedHashSet<String>();
            planKeys.forEach(k -> distinct.add(k.key()));
            params.put("keys", List.copyOf(distinct));
            var values = new HashMap<String, Object>();
            cypher.listPlain(s.cypher(), params, row -> {
                values.put((String) row.get("key"), s.value().convert(row.get("value")));
                return Boolean.TRUE;
            });
            Object none = s.value() instanceof Shape.Many ? List.of() : null;
            planKeys.forEach(k -> result.put(k, values.getOrDefault(k.key(), none)));
        });
        return result;
    }
}
