package org.symbiosiskb.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    ExchangeService(ImportPlanner planner, GraphWriter writer, GraphRecords graphRecords,
                    PlatformTransactionManager transactionManager) {
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
        long started = System.nanoTime();
        var parsed = parser.parse(document);
        document = null; // the parsed records hold all that is needed; let the raw JSON tree go before the write
        if (!parsed.problems().isEmpty()) {
            throw new InvalidDocumentException(parsed.problems());
        }
        long parsedAt = System.nanoTime();
        long[] plannedAt = new long[1];
        var result = transactions.execute(status -> {
            ImportPlan plan = planner.plan(parsed);
            plannedAt[0] = System.nanoTime();
            if (dryRun) {
                status.setRollbackOnly();
            } else {
                writer.write(plan);
            }
            return plan.result();
        });
        long done = System.nanoTime();
        log.info("Imported {} records of {}{}: parse {} ms, check and plan {} ms, write and commit {} ms", parsed.records().size(),
                parsed.partner(), dryRun ? " (dry run)" : "", (parsedAt - started) / 1_000_000,
                (plannedAt[0] - parsedAt) / 1_000_000, (done - plannedAt[0]) / 1_000_000);
        return result;
    }

    /** Every record of a partner as one document; importing it into an empty database reproduces them. */
    public Map<String, Object> export(String partner) {
        if (!Ids.isValidPartner(partner)) {
            throw new IllegalArgumentException("partner must match [a-z][a-z0-9-]{1,31}, found \"" + partner + "\"");
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("format", RecordTypes.FORMAT);
        document.put("partner", partner);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (RecordType type : RecordTypes.ALL) {
                List<Map<String, Object>> records = graphRecords.ofPartner(type, partner);
                if (!records.isEmpty()) {
                    document.put(type.array(), records);
                }
            }
        });
        return document;
    }
}
