package org.symbiosiskb.calculator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.analytics.Ghg;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;

/** Factor sets, emission factors and activity lines: reads for GraphQL, writes through the exchange rules. */
@Service
public class CalculatorService {

    private final CalculatorRepository repository;
    private final RecordService records;
    private final Disclosure disclosure;
    private final ActivityLines lines;

    CalculatorService(CalculatorRepository repository, RecordService records, Disclosure disclosure, ActivityLines lines) {
        this.repository = repository;
        this.records = records;
        this.disclosure = disclosure;
        this.lines = lines;
    }

    Optional<FactorSet> factorSet(String id) {
        return repository.factorSet(id);
    }

    Connection<FactorSet> factorSets(Map<String, Object> filter, PageRequest page) {
        return repository.factorSets(filter, page);
    }

    Map<String, List<EmissionFactor>> factorsOfSets(Collection<String> ids) {
        return repository.factors(CalculatorRepository.FACTORS_OF_SETS, ids);
    }

    Map<String, List<EmissionFactor>> factorsByIds(Collection<String> ids) {
        return repository.factors(CalculatorRepository.FACTORS_BY_IDS, ids);
    }

    Map<String, List<FactorSet>> setsOfFactors(Collection<String> ids) {
        return repository.factorSets(CalculatorRepository.SETS_OF_FACTORS, ids);
    }

    /** The activity lines of each process, as the caller may see them. */
    public Map<String, List<Activity>> activitiesOfProcesses(Collection<String> processIds) {
        return shown(repository.activities(CalculatorRepository.ACTIVITIES_OF_PROCESSES, processIds));
    }

    Map<String, List<Activity>> activitiesByIds(Collection<String> ids) {
        return shown(repository.activities(CalculatorRepository.ACTIVITIES_BY_IDS, ids));
    }

    /**
     * An activity line is seen no better than its process (security.Disclosure): its quantity and notes only where the
     * caller may see both; by name where it may see it at all.
     */
    private Map<String, List<Activity>> shown(Map<String, List<Activity>> byKey) {
        var view = disclosure.view(byKey.values().stream().flatMap(List::stream).map(Activity::id).toList());
        var shown = new LinkedHashMap<String, List<Activity>>();
        byKey.forEach((key, list) -> shown.put(key, list.stream()
                .filter(a -> view.of(a.id()) != Caller.Access.NONE)
                .map(a -> view.shows(a.id()) ? a : a.withoutFigures()).toList()));
        return shown;
    }

    Activity setActivity(Map<String, Object> input) {
        return only(activitiesByIds(List.of(records.put("activities", input))));
    }

    boolean delete(String array, String id) {
        return records.delete(array, Map.of("id", id));
    }

    FactorSet createFactorSet(Map<String, Object> input) {
        return repository.factorSet(records.create("factorSets", input)).orElseThrow();
    }

    FactorSet updateFactorSet(Map<String, Object> input) {
        return repository.factorSet(records.update("factorSets", input)).orElseThrow();
    }

    EmissionFactor setEmissionFactor(Map<String, Object> input) {
        return only(factorsByIds(List.of(records.put("emissionFactors", input))));
    }

    private static <T> T only(Map<String, List<T>> byKey) {
        return byKey.values().stream().flatMap(List::stream).findFirst().orElseThrow();
    }

    /**
     * The lines a calculated record is computed from, by the record's key: each activity with its factor, the
     * quantity in its unit and in the factor's, and its part of the record. Figures only where the caller may see the
     * activity (and, for its part, the factor); an activity it may not see at all is left out.
     */
    Map<String, List<EmissionDerivation>> derivations(Collection<String> recordKeys) {
        var byRecord = repository.activitiesOfRecords(recordKeys);
        var activityIds = byRecord.values().stream().flatMap(List::stream).distinct().toList();
        var activities = new LinkedHashMap<String, Ghg.Activity>();
        lines.byIds(activityIds).forEach(a -> activities.put(a.id(), a));
        var view = disclosure.view(Ghg.ids(List.copyOf(activities.values())));
        var result = new LinkedHashMap<String, List<EmissionDerivation>>();
        byRecord.forEach((key, ids) -> {
            var derivation = new ArrayList<EmissionDerivation>();
            for (String id : ids) {
                Ghg.Activity a = activities.get(id);
                if (a == null || a.factor() == null || view.of(id) == Caller.Access.NONE) {
                    continue;
                }
                Ghg.Line line = Ghg.line(a);
                boolean quantity = view.shows(id);
                boolean part = quantity && view.shows(a.factor().id());
                derivation.add(new EmissionDerivation(id, a.factor().id(), quantity ? a.quantity() : null, a.unit(),
                        quantity ? line.quantityInFactorUnit() : null, part ? line.tCO2e() : null,
                        part && a.factor().biogenicCO2PerUnit() != null ? line.biogenicCO2() : null));
            }
            result.put(key, derivation);
        });
        return result;
    }
}
