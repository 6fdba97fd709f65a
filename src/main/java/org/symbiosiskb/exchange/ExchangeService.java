package org.symbiosiskb.exchange;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.security.Disclosure;
import org.symbiosiskb.security.Writes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports and exports {@code symbiosis-kb/1} documents: parse → validate the whole document →
 * plan → write, the last three in one transaction, so a document is all-or-nothing and its
 * capacity checks see the graph as it is written.
 */
@Service
public class ExchangeService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExchangeService.class);

    private final DocumentParser parser = new DocumentParser();
    private final ImportPlanner planner;
    private final GraphWriter writer;
    private final GraphRecords graphRecords;
    private final TransactionTemplate transactions;

    private final Disclosure disclosure;
    private final JsonMapper json;
    private final Writes writes;

    ExchangeService(ImportPlanner planner, GraphWriter writer, GraphRecords graphRecords,
                    PlatformTransactionManager transactionManager, Disclosure disclosure, JsonMapper json, Writes writes) {
        this.disclosure = disclosure;
        this.writes = writes;
        this.json = json;
        this.planner = planner;
        this.writer = writer;
        this.graphRecords = graphRecords;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * @param document the parsed JSON (maps, lists, numbers, strings, booleans)
     * @param dryRun   validate and count, write nothing
     * @throws InvalidDocumentException listing every problem; nothing was written
     */
    public ImportResult importDocument(Object document, boolean dryRun) {
        return importDocument(document, dryRun, ImportProgress.NONE);
    }

    /** As {@link #importDocument(Object, boolean)}, telling {@code progress} when the plan is made and as records are written. */
    public ImportResult importDocument(Object document, boolean dryRun, ImportProgress progress) {
        long started = System.nanoTime();
        var parsed = parser.parse(document);
        document = null; // the parsed records hold all that is needed; let the raw JSON tree go before the write
        if (parsed.partner() != null) {
            writes.requirePartner(parsed.partner());
        }
        if (!parsed.problems().isEmpty()) {
            throw new InvalidDocumentException(parsed.problems());
        }
        long parsedAt = System.nanoTime();
        long[] plannedAt = new long[1];
        var result = transactions.execute(status -> {
            ImportPlan plan = planner.plan(parsed);
            plannedAt[0] = System.nanoTime();
            progress.planned(plan.result());
            if (dryRun) {
                status.setRollbackOnly();
            } else {
                writer.write(plan, progress);
            }
            return plan.result();
        });
        long done = System.nanoTime();
        log.info("Imported {} records of {}{}: parse {} ms, check and plan {} ms, write and commit {} ms", parsed.records().size(),
                parsed.partner(), dryRun ? " (dry run)" : "", (parsedAt - started) / 1_000_000,
                (plannedAt[0] - parsedAt) / 1_000_000, (done - plannedAt[0]) / 1_000_000);
        return result;
    }

    /**
     * A partner's records as one document, as the caller may see them.
     *
     * @param since null for every record; else only what was written or deleted after it, deletions as
     *              {@code "deleted": true} records. A record the caller may no longer see (it became
     *              PRIVATE) is sent as a deletion too, so that a harvester drops its copy.
     * @return the document, and the instant to ask from next time
     */
    public Export export(String partner, ZonedDateTime since) {
        if (!Ids.isValidPartner(partner)) {
            throw new IllegalArgumentException("partner must match " + Ids.PARTNER_FORM + ", found \"" + partner + "\"");
        }
        // Writes that commit while this export reads may carry an earlier updatedAt: the next export starts a
        // little before this one did, and sends such records again (importing them again changes nothing).
        var until = ZonedDateTime.now(ZoneOffset.UTC).minus(EXPORT_OVERLAP);
        var document = new LinkedHashMap<String, Object>();
        document.put("format", RecordTypes.FORMAT);
        document.put("partner", partner);
        Caller caller = Callers.current();
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            var arrays = new LinkedHashMap<String, List<Object>>();
            var sent = new java.util.HashSet<String>();
            for (RecordType type : RecordTypes.ALL) {
                var records = graphRecords.ofPartner(type, partner, since);
                // an emission, a release or an activity line is shown no better than its process (security.Disclosure)
                var processes = (!type.keyedById() && type.ownerField().equals("process")) || type == RecordTypes.ACTIVITIES
                        ? disclosure.view(records.stream().map(r -> (String) r.record().get("process")).toList()) : null;
                var shown = new ArrayList<Object>();
                for (var r : records) {
                    boolean whole = caller.access(partner, (String) r.record().get("visibility"), r.parties()) == Caller.Access.FULL
                            && (processes == null || processes.shows((String) r.record().get("process")));
                    if (whole) {
                        shown.add(r.record());
                        sent.add(type.keyOf(r.record()));
                    }
                }
                arrays.put(type.array(), shown);
            }
            // footprints are published to be used: any partner's key gets them, as NETWORK records
            arrays.put("footprints", caller.authenticated() ? new ArrayList<>(graphRecords.footprints(partner, since)) : new ArrayList<>());
            if (since != null) {
                // a deletion, or a narrowing, goes to whoever could have harvested the record itself, and to no one else:
                // an anonymous harvester learns nothing of NETWORK and PRIVATE records
                for (var tombstone : graphRecords.tombstones(partner, since)) {
                    if (!sent.contains(tombstone.key())
                            && caller.access(partner, tombstone.visibility(), tombstone.parties()) == Caller.Access.FULL) {
                        arrays.get(tombstone.array()).add(json.readValue(tombstone.record(), Map.class));
                    }
                }
            }
            arrays.forEach((array, records) -> {
                if (!records.isEmpty()) {
                    document.put(array, records);
                }
            });
        });
        return new Export(document, until);
    }

    /** The export's document and the instant a harvester passes as {@code since} next time. */
    public record Export(Map<String, Object> document, ZonedDateTime until) {
    }

    private static final java.time.Duration EXPORT_OVERLAP = java.time.Duration.ofSeconds(10);

}
