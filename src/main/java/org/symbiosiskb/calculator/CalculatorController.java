package org.symbiosiskb.calculator;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.DeleteResult;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.emissions.Emission;
import org.symbiosiskb.exchange.EmissionKeys;
import org.symbiosiskb.organization.Organization;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;
import org.symbiosiskb.park.Network;
import org.symbiosiskb.park.ParkService;

@Controller
class CalculatorController {

    private final CalculatorService calculator;
    private final InventoryService inventories;
    private final OrganizationService organizations;
    private final ParkService parks;
    private final Paging paging;

    CalculatorController(CalculatorService calculator, InventoryService inventories, OrganizationService organizations,
                         ParkService parks, Paging paging) {
        this.calculator = calculator;
        this.inventories = inventories;
        this.organizations = organizations;
        this.parks = parks;
        this.paging = paging;
    }

    @QueryMapping
    GhgInventory ghgInventory(@Argument String organizationId, @Argument int year) {
        return inventories.inventory(organizationId, year).orElse(null);
    }

    @QueryMapping
    ClimatePartnerIndicator climatePartnerIndicator(@Argument String networkId, @Argument int year) {
        return inventories.indicator(networkId, year);
    }

    @QueryMapping
    FactorSet factorSet(@Argument String id) {
        return calculator.factorSet(id).orElse(null);
    }

    @QueryMapping
    Connection<FactorSet> factorSets(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return calculator.factorSets(filter, paging.page(first, after));
    }

    @QueryMapping
    EmissionFactor emissionFactor(@Argument String id) {
        return first(calculator.factorsByIds(List.of(id)));
    }

    @QueryMapping
    Activity activity(@Argument String id) {
        return first(calculator.activitiesByIds(List.of(id)));
    }

    private static <T> T first(Map<String, List<T>> byId) {
        return byId.values().stream().flatMap(List::stream).findFirst().orElse(null);
    }

    // ---- relationships ----

    @BatchMapping(typeName = "FactorSet", field = "factors")
    Map<FactorSet, List<EmissionFactor>> factorsOfSet(List<FactorSet> list) {
        return Batches.many(list, FactorSet::id, calculator.factorsOfSets(Batches.ids(list, FactorSet::id)));
    }

    @BatchMapping(typeName = "EmissionFactor", field = "factorSet")
    Map<EmissionFactor, FactorSet> setOfFactor(List<EmissionFactor> list) {
        return Batches.one(list, EmissionFactor::id, calculator.setsOfFactors(Batches.ids(list, EmissionFactor::id)));
    }

    @BatchMapping(typeName = "Process", field = "activities")
    Map<Process, List<Activity>> activitiesOfProcess(List<Process> list) {
        return Batches.many(list, Process::id, calculator.activitiesOfProcesses(Batches.ids(list, Process::id)));
    }

    @BatchMapping(typeName = "Activity", field = "process")
    Map<Activity, Process> processOfActivity(List<Activity> list) {
        return Batches.one(list, Activity::processId, organizations.processesByIds(Batches.ids(list, Activity::processId)));
    }

    @BatchMapping(typeName = "Activity", field = "factor")
    Map<Activity, EmissionFactor> factorOfActivity(List<Activity> list) {
        return Batches.one(list, Activity::factorId, calculator.factorsByIds(Batches.ids(list, Activity::factorId)));
    }

    @BatchMapping(typeName = "Activity", field = "marketFactor")
    Map<Activity, EmissionFactor> marketFactorOfActivity(List<Activity> list) {
        return Batches.one(list, Activity::marketFactorId, calculator.factorsByIds(Batches.ids(list, Activity::marketFactorId)));
    }

    @BatchMapping(typeName = "Emission", field = "derivation")
    Map<Emission, List<EmissionDerivation>> derivation(List<Emission> list) {
        return Batches.many(list, CalculatorController::key, calculator.derivations(Batches.ids(list, CalculatorController::key)));
    }

    /** The key of a calculated record (no other has a derivation). */
    private static String key(Emission e) {
        return !"CALCULATED".equals(e.provenance().kind()) ? null
                : EmissionKeys.of(e.processId(), e.year(), e.scope(), e.category(), e.source(), e.provenance().kind());
    }

    @BatchMapping(typeName = "EmissionDerivation", field = "activity")
    Map<EmissionDerivation, Activity> activityOfDerivation(List<EmissionDerivation> list) {
        return Batches.one(list, EmissionDerivation::activityId, calculator.activitiesByIds(Batches.ids(list, EmissionDerivation::activityId)));
    }

    @BatchMapping(typeName = "EmissionDerivation", field = "factor")
    Map<EmissionDerivation, EmissionFactor> factorOfDerivation(List<EmissionDerivation> list) {
        return Batches.one(list, EmissionDerivation::factorId, calculator.factorsByIds(Batches.ids(list, EmissionDerivation::factorId)));
    }

    @SchemaMapping(typeName = "GhgInventory", field = "organization")
    Organization organizationOfInventory(GhgInventory inventory) {
        return organizations.organization(inventory.organizationId()).orElse(null);
    }

    @BatchMapping(typeName = "GhgInventory", field = "uncalculated")
    Map<GhgInventory, List<Activity>> uncalculated(List<GhgInventory> list) {
        var ids = list.stream().flatMap(i -> i.uncalculatedIds().stream()).toList();
        var byId = calculator.activitiesByIds(ids);
        var result = new java.util.LinkedHashMap<GhgInventory, List<Activity>>();
        list.forEach(i -> result.put(i, i.uncalculatedIds().stream().flatMap(id -> byId.getOrDefault(id, List.of()).stream()).toList()));
        return result;
    }

    @BatchMapping(typeName = "InventoryLine", field = "activity")
    Map<GhgInventory.InventoryLine, Activity> activityOfLine(List<GhgInventory.InventoryLine> list) {
        return Batches.one(list, GhgInventory.InventoryLine::activityId,
                calculator.activitiesByIds(Batches.ids(list, GhgInventory.InventoryLine::activityId)));
    }

    @BatchMapping(typeName = "InventoryLine", field = "process")
    Map<GhgInventory.InventoryLine, Process> processOfLine(List<GhgInventory.InventoryLine> list) {
        return Batches.one(list, GhgInventory.InventoryLine::processId,
                organizations.processesByIds(Batches.ids(list, GhgInventory.InventoryLine::processId)));
    }

    @BatchMapping(typeName = "InventoryLine", field = "factor")
    Map<GhgInventory.InventoryLine, EmissionFactor> factorOfLine(List<GhgInventory.InventoryLine> list) {
        return Batches.one(list, GhgInventory.InventoryLine::factorId,
                calculator.factorsByIds(Batches.ids(list, GhgInventory.InventoryLine::factorId)));
    }

    @BatchMapping(typeName = "InventoryLine", field = "marketFactor")
    Map<GhgInventory.InventoryLine, EmissionFactor> marketFactorOfLine(List<GhgInventory.InventoryLine> list) {
        return Batches.one(list, GhgInventory.InventoryLine::marketFactorId,
                calculator.factorsByIds(Batches.ids(list, GhgInventory.InventoryLine::marketFactorId)));
    }

    @SchemaMapping(typeName = "ClimatePartnerIndicator", field = "network")
    Network networkOfIndicator(ClimatePartnerIndicator indicator) {
        return parks.network(indicator.networkId()).orElse(null);
    }

    // ---- writes ----

    @MutationMapping
    Activity setActivity(@Argument Map<String, Object> input) {
        return calculator.setActivity(input);
    }

    @MutationMapping
    DeleteResult deleteActivity(@Argument String id) {
        return new DeleteResult(id, calculator.delete("activities", id));
    }

    @MutationMapping
    FactorSet createFactorSet(@Argument Map<String, Object> input) {
        return calculator.createFactorSet(input);
    }

    @MutationMapping
    FactorSet updateFactorSet(@Argument Map<String, Object> input) {
        return calculator.updateFactorSet(input);
    }

    @MutationMapping
    DeleteResult deleteFactorSet(@Argument String id) {
        return new DeleteResult(id, calculator.delete("factorSets", id));
    }

    @MutationMapping
    EmissionFactor setEmissionFactor(@Argument Map<String, Object> input) {
        return calculator.setEmissionFactor(input);
    }

    @MutationMapping
    DeleteResult deleteEmissionFactor(@Argument String id) {
        return new DeleteResult(id, calculator.delete("emissionFactors", id));
    }
}
